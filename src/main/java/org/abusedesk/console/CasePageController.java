package org.abusedesk.console;

import java.util.Arrays;

import org.abusedesk.actions.Mitigations;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.identity.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.policy.MitigationTarget;
import org.abusedesk.policy.MitigationType;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The case page: everything about one case, and the forms of the steps on it. */
@Controller
class CasePageController {

	private final CaseWork work;

	private final Mitigations mitigations;

	CasePageController(CaseWork work, Mitigations mitigations) {
		this.work = work;
		this.mitigations = mitigations;
	}

	@GetMapping("/console/cases/{id}")
	String show(@PathVariable long id, @RequestParam(name = "reports_after", defaultValue = "0") long reportsAfter,
			@RequestParam(name = "history_before", defaultValue = "" + Long.MAX_VALUE) long historyBefore,
			Authentication authentication, Model model) {
		Actor me = ConsoleActor.of(authentication);
		CaseView view = this.work.view(id, me, reportsAfter, historyBefore)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id));
		model.addAttribute("me", me);
		model.addAttribute("view", view);
		model.addAttribute("case", view.caseInfo());
		model.addAttribute("mitigations", this.mitigations.ofCase(id));
		model.addAttribute("mayDecide", me.isAny(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN));
		model.addAttribute("mayDeclare", me.isAny(Role.REVIEWER, Role.SENIOR, Role.ADMIN));
		model.addAttribute("denialReasons", DenialReason.values());
		model.addAttribute("mitigationTypes",
				Arrays.stream(MitigationType.values())
					.filter((type) -> type != MitigationType.EMERGENCY_BLOCK)
					.map(MitigationType::wire)
					.toList());
		model.addAttribute("mitigationTargets",
				Arrays.stream(MitigationTarget.values()).map(MitigationTarget::wire).toList());
		return "console/case";
	}

}
