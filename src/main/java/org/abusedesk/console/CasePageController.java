package org.abusedesk.console;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.content.ReportContent;
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

	private final ReportContent content;

	CasePageController(CaseWork work, Mitigations mitigations, ReportContent content) {
		this.work = work;
		this.mitigations = mitigations;
		this.content = content;
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
		model.addAttribute("mayReveal", EvidenceController.mayRevealKnownContent(me));
		Map<Long, EvidenceShown> shown = new HashMap<>();
		view.reports()
			.forEach((report) -> report.evidence()
				.forEach((evidence) -> this.content.evidence(evidence.id())
					.ifPresent((findings) -> shown.put(evidence.id(), EvidenceShown.of(findings)))));
		model.addAttribute("shown", shown);
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
