package org.abusedesk.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;
import org.abusedesk.policy.InvalidPolicyException;
import org.abusedesk.policy.PolicyDocuments;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy versions, the active document, and a backtest runner: the same replay as
 * {@code abusedesk policy backtest}, read-only, for seniors, legal and admins (the roles
 * that weigh a policy change). Nothing here stores or activates a version.
 */
@Controller
class PolicyPageController {

	/** The largest draft the runner takes. */
	static final int MAX_DRAFT = 256 * 1024;

	static final int MAX_EXAMPLES = 50;

	private final PolicyDocuments policies;

	PolicyPageController(PolicyDocuments policies) {
		this.policies = policies;
	}

	@GetMapping("/console/policy")
	String show(Authentication authentication, Model model) {
		PolicyDocuments.ActivePolicy active = this.policies.active();
		return page(authentication, model, active.document(), LocalDate.now(ZoneOffset.UTC).minusDays(30).toString(),
				"20");
	}

	@PostMapping("/console/policy/backtest")
	String backtest(@RequestParam(required = false) String draft, @RequestParam(required = false) String since,
			@RequestParam(required = false) String examples, Authentication authentication, Model model) {
		String text = (draft != null) ? draft : "";
		String from = (since != null) ? since.strip() : "";
		String max = (examples != null) ? examples.strip() : "";
		page(authentication, model, text, from, max);
		if (text.isBlank()) {
			model.addAttribute("error", "Paste the draft policy document to replay.");
			return "console/policy";
		}
		if (text.length() > MAX_DRAFT) {
			model.addAttribute("error", "A draft is at most " + MAX_DRAFT / 1024 + " KiB.");
			return "console/policy";
		}
		Instant start;
		int maxExamples;
		try {
			start = from.isEmpty() ? Instant.now().minus(30, ChronoUnit.DAYS)
					: LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant();
			maxExamples = max.isEmpty() ? 20 : Integer.parseInt(max);
			if (maxExamples < 0 || maxExamples > MAX_EXAMPLES) {
				throw new NumberFormatException(max);
			}
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			model.addAttribute("error",
					"Since is a date (2026-01-31); examples a number from 0 to " + MAX_EXAMPLES + ".");
			return "console/policy";
		}
		try {
			model.addAttribute("result", this.policies.backtest(text, start, maxExamples));
		}
		catch (InvalidPolicyException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("error", "The draft has " + ex.problems().size() + " problem(s); nothing was replayed.");
		}
		return "console/policy";
	}

	private String page(Authentication authentication, Model model, String draft, String since, String examples) {
		Actor me = ConsoleActor.of(authentication);
		model.addAttribute("me", me);
		model.addAttribute("active", this.policies.active());
		model.addAttribute("versions", this.policies.versions());
		model.addAttribute("mayBacktest", me.isAny(Role.SENIOR, Role.LEGAL, Role.ADMIN));
		model.addAttribute("draft", draft);
		model.addAttribute("since", since);
		model.addAttribute("examples", examples);
		return "console/policy";
	}

}
