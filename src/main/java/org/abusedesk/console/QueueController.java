package org.abusedesk.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.ReportType;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queue, its filters and orders, and bulk actions on a selection of it. A bulk action
 * is done only after a page that says what it will do has been confirmed.
 */
@Controller
class QueueController {

	static final int PAGE = 50;

	private final CaseQueue queue;

	private final CaseWork work;

	QueueController(CaseQueue queue, CaseWork work) {
		this.queue = queue;
		this.work = work;
	}

	@GetMapping("/console")
	String queue(@RequestParam(required = false) String type, @RequestParam(required = false) String service,
			@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
			@RequestParam(required = false) Boolean trusted,
			@RequestParam(name = "at_risk", required = false) Boolean atRisk,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String after,
			Authentication authentication, Model model) {
		Optional<CaseStatus> chosen = CaseStatus.fromWire(blank(status));
		CaseQueue.Filter filter = new CaseQueue.Filter(blank(type), blank(service), chosen.orElse(null), blank(rule),
				trusted, atRisk);
		CaseQueue.Sort order = CaseQueue.Sort.fromWire(sort).orElse(CaseQueue.Sort.URGENT);
		CaseQueue.Page page;
		// an unknown status, type, service or order matches no case, as before; say so
		Optional<String> unknown = FilterChoices.first(FilterChoices.unknown("case status", status, CaseStatus.class),
				FilterChoices.unknown("report type", type, ReportType.class),
				FilterChoices.unknown("service", service, Service.class),
				FilterChoices.unknown("order", sort, CaseQueue.Sort.class));
		if (unknown.isPresent()) {
			model.addAttribute("error", unknown.get());
			page = new CaseQueue.Page(List.of(), null);
		}
		else {
			try {
				page = this.queue.page(filter, order, blank(after), PAGE);
			}
			catch (CaseWorkException ex) {
				model.addAttribute("error", ex.getMessage());
				page = this.queue.page(filter, order, null, PAGE);
			}
		}
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order.wire());
		model.addAttribute("sorts", Arrays.stream(CaseQueue.Sort.values()).map(CaseQueue.Sort::wire).toList());
		model.addAttribute("page", page);
		model.addAttribute("counts", this.queue.counts());
		model.addAttribute("statuses", CaseQueue.OPEN);
		model.addAttribute("closedStatuses", CaseQueue.CLOSED);
		model.addAttribute("types", Arrays.stream(ReportType.values()).map(ReportType::wire).toList());
		model.addAttribute("services", Arrays.stream(Service.values()).map(Service::wire).toList());
		return "console/queue";
	}

	/**
	 * A bulk action: without {@code confirmed=yes} it only shows what it would do, with a
	 * button to do it.
	 */
	@PostMapping("/console/bulk")
	String bulk(@RequestParam(required = false) String action,
			@RequestParam(name = "case", required = false) List<Long> cases,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String confirmed,
			Authentication authentication, RedirectAttributes redirect, Model model) {
		CaseWork.BulkAction bulkAction = (action == null) ? null : switch (action) {
			case "deny_duplicate" -> CaseWork.BulkAction.DENY_DUPLICATE;
			case "forward" -> CaseWork.BulkAction.FORWARD;
			case "assign" -> CaseWork.BulkAction.ASSIGN;
			default -> null;
		};
		if (bulkAction == null || cases == null || cases.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose an action and at least one case.");
			return "redirect:/console";
		}
		if (!"yes".equals(confirmed)) {
			model.addAttribute("me", ConsoleActor.of(authentication));
			model.addAttribute("action", action);
			model.addAttribute("cases", new ArrayList<>(cases.stream().distinct().toList()));
			model.addAttribute("assignee", blank(assignee));
			model.addAttribute("what", what(bulkAction, cases.size(), blank(assignee)));
			model.addAttribute("destructive", bulkAction != CaseWork.BulkAction.ASSIGN);
			return "console/bulk-confirm";
		}
		// a refused action (no assignee, a name no one has) is a message on the queue;
		// a role that may not do it a 403
		ConsoleErrors.run(
				() -> redirect.addFlashAttribute("bulkResults",
						this.work.bulk(bulkAction, cases, ConsoleActor.of(authentication), blank(assignee))),
				redirect, null);
		return "redirect:/console";
	}

	/** What a bulk action will do, in words, before it is done. */
	static String what(CaseWork.BulkAction action, int count, String assignee) {
		String cases = count + ((count == 1) ? " case" : " cases");
		return switch (action) {
			case DENY_DUPLICATE -> "Deny " + cases + " as duplicates: every report on them is denied with the reason "
					+ "\"You already sent us this report; we are handling the original.\", the reporters are told, "
					+ "and the cases are rejected.";
			case FORWARD -> "Forward " + cases + " to the host and the owner: they are told of the reports, "
					+ "no mitigation is taken, and the cases leave the queue.";
			case ASSIGN -> "Assign " + cases + " to " + ((assignee != null) ? assignee : "(nobody named)")
					+ ": they hold the cases as if they had claimed them.";
		};
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
