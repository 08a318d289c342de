package org.abusedesk.console;

import java.util.List;

import org.abusedesk.cases.CaseQueue;
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

/** The queue, its filters, and bulk actions on a selection of it. */
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
			@RequestParam(required = false) String after, Authentication authentication, Model model) {
		CaseQueue.Filter filter = new CaseQueue.Filter(blank(type), blank(service), blank(status), blank(rule), trusted,
				atRisk);
		CaseQueue.Page page;
		try {
			page = this.queue.page(filter, blank(after), PAGE);
		}
		catch (CaseWorkException ex) {
			model.addAttribute("error", ex.getMessage());
			page = this.queue.page(filter, null, PAGE);
		}
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("counts", this.queue.counts());
		model.addAttribute("statuses", CaseQueue.OPEN);
		model.addAttribute("types", java.util.Arrays.stream(ReportType.values()).map(ReportType::wire).toList());
		model.addAttribute("services", java.util.Arrays.stream(Service.values()).map(Service::wire).toList());
		return "console/queue";
	}

	@PostMapping("/console/bulk")
	String bulk(@RequestParam String action, @RequestParam(name = "case", required = false) List<Long> cases,
			@RequestParam(required = false) String assignee, Authentication authentication,
			RedirectAttributes redirect) {
		CaseWork.BulkAction bulkAction = switch (action) {
			case "deny_duplicate" -> CaseWork.BulkAction.DENY_DUPLICATE;
			case "forward" -> CaseWork.BulkAction.FORWARD;
			case "assign" -> CaseWork.BulkAction.ASSIGN;
			default -> null;
		};
		if (bulkAction == null || cases == null || cases.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose an action and at least one case.");
			return "redirect:/console";
		}
		List<CaseWork.BulkResult> results = ConsoleErrors
			.forbiddenAs403(() -> this.work.bulk(bulkAction, cases, ConsoleActor.of(authentication), blank(assignee)));
		redirect.addFlashAttribute("bulkResults", results);
		return "redirect:/console";
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
