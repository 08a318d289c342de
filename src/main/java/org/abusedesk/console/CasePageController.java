package org.abusedesk.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.content.ReportContent;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page, built around the work: a summary header (what, where, which service, who
 * holds it, due), the plan and its explanation, the actions in one place, the evidence
 * and findings, and a timeline in words (docs/console.md, "The case page").
 */
@Controller
class CasePageController {

	private final CaseWork work;

	private final Mitigations mitigations;

	private final ReportContent content;

	private final CaseQueue queue;

	private final AuditLog audit;

	private final ConsoleWords words;

	CasePageController(CaseWork work, Mitigations mitigations, ReportContent content, CaseQueue queue, AuditLog audit,
			ConsoleWords words) {
		this.work = work;
		this.mitigations = mitigations;
		this.content = content;
		this.queue = queue;
		this.audit = audit;
		this.words = words;
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
		List<AuditLog.Entry> reportEntries = new ArrayList<>();
		view.reports()
			.forEach((report) -> reportEntries
				.addAll(this.audit.entries("report:" + report.id(), Long.MAX_VALUE, Timeline.PER_REPORT)));
		model.addAttribute("timeline",
				Timeline.of(view, reportEntries, me.isAny(SearchController.SEE_REPORTER), this.words));
		model.addAttribute("neighbours", this.queue.neighbours(id));
		model.addAttribute("mayDeclare", me.isAny(Role.REVIEWER, Role.SENIOR, Role.ADMIN));
		model.addAttribute("denialReasons", DenialReason.values());
		model.addAttribute("mitigationTypes",
				Arrays.stream(MitigationType.values())
					.filter((type) -> type != MitigationType.EMERGENCY_BLOCK)
					.map(MitigationType::wire)
					.toList());
		model.addAttribute("entityTypes", Arrays.stream(EntityType.values()).map(EntityType::wire).toList());
		return "console/case";
	}

}
