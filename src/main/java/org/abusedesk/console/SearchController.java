package org.abusedesk.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseSearch;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.catalog.Service;
import org.abusedesk.access.Role;
import org.abusedesk.intake.ReportType;
import org.abusedesk.vocabulary.WireValue;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search over every case, open or closed (docs/console.md, "Search"), and each staff
 * user's saved searches.
 */
@Controller
class SearchController {

	static final int PAGE = 50;

	/** Who may search by a reporter's email: those who see reporters (CaseViews). */
	static final Role[] SEE_REPORTER = { Role.SENIOR, Role.LEGAL, Role.ADMIN };

	private final CaseSearch search;

	private final SavedSearches saved;

	SearchController(CaseSearch search, SavedSearches saved) {
		this.search = search;
		this.saved = saved;
	}

	/** What the search form sends, blanks as {@code null}. */
	record Form(String q, String field, String status, String type, String service, String sort) {

		Form {
			q = blank(q);
			field = blank(field);
			status = blank(status);
			type = blank(type);
			service = blank(service);
			sort = blank(sort);
		}

		/** The form as a query string, the way a saved search keeps it. */
		String queryString() {
			return UriComponentsBuilder.newInstance()
				.queryParamIfPresent("q", java.util.Optional.ofNullable(this.q))
				.queryParamIfPresent("field", java.util.Optional.ofNullable(this.field))
				.queryParamIfPresent("status", java.util.Optional.ofNullable(this.status))
				.queryParamIfPresent("type", java.util.Optional.ofNullable(this.type))
				.queryParamIfPresent("service", java.util.Optional.ofNullable(this.service))
				.queryParamIfPresent("sort", java.util.Optional.ofNullable(this.sort))
				.encode()
				.build()
				.toUriString();
		}

	}

	@GetMapping("/console/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String service, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
		Actor me = ConsoleActor.of(authentication);
		Form form = new Form(q, field, status, type, service, sort);
		CaseSearch.Field where = CaseSearch.Field.fromWire(form.field()).orElse(CaseSearch.Field.ANYTHING);
		Optional<Set<CaseStatus>> statuses = statuses(form.status());
		CaseSearch.Query query = new CaseSearch.Query(form.q(), where, statuses.orElse(Set.of()), form.type(),
				form.service(), CaseSearch.Sort.fromWire(form.sort()).orElse(CaseSearch.Sort.NEWEST));
		CaseSearch.Result result = new CaseSearch.Result(List.of(), false);
		int at = Math.max(0, page);
		Optional<String> unknown = unknownChoice(form);
		if (unknown.isPresent()) {
			model.addAttribute("error", unknown.get());
		}
		else {
			try {
				result = this.search.search(query, me, at * PAGE, PAGE);
			}
			catch (CaseWorkException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		boolean seesReporter = me.isAny(SEE_REPORTER);
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("field", where.wire());
		model.addAttribute("statusChoice", (form.status() != null) ? form.status() : "all");
		model.addAttribute("sortChoice", query.sort().wire());
		model.addAttribute("result", result);
		model.addAttribute("page", at);
		model.addAttribute("searched",
				form.q() != null || form.type() != null || form.service() != null || form.status() != null);
		model.addAttribute("fields",
				Arrays.stream(CaseSearch.Field.values())
					.filter((f) -> seesReporter || f != CaseSearch.Field.REPORTER_EMAIL)
					.map(CaseSearch.Field::wire)
					.toList());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("openStatuses", CaseQueue.OPEN);
		model.addAttribute("types", Arrays.stream(ReportType.values()).map(ReportType::wire).toList());
		model.addAttribute("services", Arrays.stream(Service.values()).map(Service::wire).toList());
		model.addAttribute("sorts", Arrays.stream(CaseSearch.Sort.values()).map(CaseSearch.Sort::wire).toList());
		model.addAttribute("saved", this.saved.of(me.name()));
		model.addAttribute("queryString", form.queryString());
		return "console/search";
	}

	@PostMapping("/console/searches")
	String save(@RequestParam(required = false) String name, @RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String service,
			@RequestParam(required = false) String sort, Authentication authentication, RedirectAttributes redirect) {
		Form form = new Form(q, field, status, type, service, sort);
		// a search that finds nothing for a word it does not know is not kept
		String refused = unknownChoice(form)
			.orElseGet(() -> this.saved.save(ConsoleActor.of(authentication).name(), name, form.queryString()));
		redirect.addFlashAttribute(refused != null ? "error" : "message",
				(refused != null) ? refused : "Saved the search \"" + name.strip() + "\".");
		// a query too long to save is too long for the address to go back to
		String query = form.queryString();
		return "redirect:/console/search" + ((query.length() <= SavedSearches.MAX_QUERY) ? query : "");
	}

	@PostMapping("/console/searches/{id}/delete")
	String delete(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		boolean deleted = this.saved.delete(ConsoleActor.of(authentication).name(), id);
		redirect.addFlashAttribute(deleted ? "message" : "error",
				deleted ? "Deleted the saved search." : "No such saved search of yours.");
		return "redirect:/console/search";
	}

	/** What the search form names that is none of its choices, if anything. */
	static Optional<String> unknownChoice(Form form) {
		if (statuses(form.status()).isEmpty()) {
			return Optional.of("No case status " + form.status() + "; one of: open, closed, all, "
					+ WireValue.allowed(CaseStatus.class) + ".");
		}
		return FilterChoices.first(FilterChoices.unknown("place to look", form.field(), CaseSearch.Field.class),
				FilterChoices.unknown("report type", form.type(), ReportType.class),
				FilterChoices.unknown("service", form.service(), Service.class),
				FilterChoices.unknown("order", form.sort(), CaseSearch.Sort.class));
	}

	/**
	 * The case statuses the form's {@code status} names: {@code open}, {@code closed},
	 * {@code all} (or none: every status) or one case status; empty when it names none.
	 */
	static Optional<Set<CaseStatus>> statuses(String status) {
		if (status == null || "all".equals(status)) {
			return Optional.of(Set.of());
		}
		if ("open".equals(status)) {
			return Optional.of(Set.copyOf(CaseQueue.OPEN));
		}
		if ("closed".equals(status)) {
			return Optional.of(Set.copyOf(CaseQueue.CLOSED));
		}
		return CaseStatus.fromWire(status).map(Set::of);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
