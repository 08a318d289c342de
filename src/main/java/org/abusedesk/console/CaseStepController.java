package org.abusedesk.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps on a case, one POST each, every one answered by a redirect back to the case
 * page (post/redirect/get), with what happened or why not as a message.
 */
@Controller
class CaseStepController {

	private final CaseWork work;

	CaseStepController(CaseWork work) {
		this.work = work;
	}

	@PostMapping("/console/cases/{id}/claim")
	String claim(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> {
			CaseWork.Claim claim = this.work.claim(id, ConsoleActor.of(authentication));
			if (!claim.mine()) {
				throw new CaseWorkException(CaseWorkException.Kind.CONFLICT,
						"Held by " + claim.holder() + " until " + claim.expiresAt() + ".");
			}
		}, redirect, "You hold this case.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/release")
	String release(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> this.work.release(id, ConsoleActor.of(authentication)), redirect, "Released.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/accept")
	String accept(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> outcome(this.work.accept(id, ConsoleActor.of(authentication)), redirect), redirect,
				null);
		return back(id);
	}

	@PostMapping("/console/cases/{id}/change")
	String change(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		ConsoleErrors.run(() -> {
			CaseView view = this.work.view(id, me).orElseThrow(() -> CaseWorkException.notFound(id));
			List<ProposedMitigation> changed = changedMitigations(view.plan().mitigations(), form);
			outcome(this.work.change(id, me, changed, form.getFirst("reason")), redirect);
		}, redirect, null);
		return back(id);
	}

	@PostMapping("/console/cases/{id}/approval")
	String approval(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> {
			if (!"approve".equals(decision) && !"refuse".equals(decision)) {
				throw new CaseWorkException(CaseWorkException.Kind.INVALID, "Either approve or refuse.");
			}
			outcome(this.work.answer(id, ConsoleActor.of(authentication), "approve".equals(decision), reason),
					redirect);
		}, redirect, null);
		return back(id);
	}

	@PostMapping("/console/cases/{id}/deny")
	String deny(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> this.work.deny(id, ConsoleActor.of(authentication),
				DenialReason.fromWire(reason).orElse(null), note), redirect, "Denied.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> this.work.escalate(id, ConsoleActor.of(authentication), escalateTo(to), reason),
				redirect, "Escalated.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/emergency")
	String emergency(@PathVariable long id, @RequestParam(required = false) String justification,
			Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> this.work.declareEmergency(id, ConsoleActor.of(authentication), justification),
				redirect, "Emergency declared; it needs two further approvers.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) String body, Authentication authentication,
			RedirectAttributes redirect) {
		ConsoleErrors.run(() -> this.work.note(id, ConsoleActor.of(authentication), body), redirect, "Note added.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/link")
	String link(@PathVariable long id, @RequestParam(name = "other", required = false) Long other,
			Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		ConsoleErrors.run(() -> otherCase(id, other, me, () -> this.work.link(id, required(other), me)), redirect,
				"Linked.");
		return back(id);
	}

	@PostMapping("/console/cases/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(name = "into", required = false) Long into,
			Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		ConsoleErrors.run(() -> otherCase(id, into, me, () -> this.work.merge(id, required(into), me)), redirect,
				"Merged.");
		return back(id);
	}

	/**
	 * Runs a step with another case the reviewer typed: when this case is there, a
	 * missing case is the other, a number to correct on this page rather than a 404.
	 */
	private void otherCase(long id, Long other, Actor me, Runnable step) {
		try {
			step.run();
		}
		catch (CaseWorkException ex) {
			if (ex.kind() == CaseWorkException.Kind.NOT_FOUND && this.work.view(id, me).isPresent()) {
				throw new CaseWorkException(CaseWorkException.Kind.INVALID, "There is no case " + other + ".");
			}
			throw ex;
		}
	}

	/**
	 * Whom the form escalates to: a senior when it does not say, never a word it does not
	 * offer.
	 */
	private static Role escalateTo(String to) {
		if (to == null || to.isBlank()) {
			return Role.SENIOR;
		}
		return Role.fromWire(to.strip())
			.orElseThrow(
					() -> new CaseWorkException(CaseWorkException.Kind.INVALID, "Escalate to a senior or to legal."));
	}

	private static long required(Long caseId) {
		if (caseId == null) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID, "Give the other case's number.");
		}
		return caseId;
	}

	private static void outcome(CaseWork.Outcome outcome, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", switch (outcome.status()) {
			case AWAITING_APPROVAL -> "The plan waits for approval by someone else.";
			case ACTIONED -> "The plan is approved; its mitigations are recorded.";
			case IN_REVIEW -> "The plan is refused; the case is back in review.";
			default -> "The case is " + outcome.status().wire() + ".";
		});
	}

	/**
	 * The mitigations the change form keeps ({@code keep_<i>}) with their grace periods
	 * in hours ({@code grace_<i>}), plus one added ({@code add_type},
	 * {@code add_entity_type}, {@code add_grace}).
	 */
	static List<ProposedMitigation> changedMitigations(List<ProposedMitigation> proposed,
			MultiValueMap<String, String> form) {
		List<ProposedMitigation> changed = new ArrayList<>();
		for (int i = 0; i < proposed.size(); i++) {
			if (form.getFirst("keep_" + i) == null) {
				continue;
			}
			ProposedMitigation p = proposed.get(i);
			changed.add(new ProposedMitigation(p.type(), p.entityType(), p.territorialScope(),
					hours(form.getFirst("grace_" + i), p.effectiveAfter()), p.expiresAfter(), p.reviewAfter()));
		}
		String addType = form.getFirst("add_type");
		if (addType != null && !addType.isBlank()) {
			MitigationType type = MitigationType.fromWire(addType)
				.orElseThrow(
						() -> new CaseWorkException(CaseWorkException.Kind.INVALID, "No mitigation type " + addType));
			EntityType entityType = EntityType.fromWire(form.getFirst("add_entity_type"))
				.orElse(EntityType.URL_PATTERN);
			changed.add(new ProposedMitigation(type, entityType, List.of(),
					hours(form.getFirst("add_grace"), Duration.ofHours(24)), null, null));
		}
		return changed;
	}

	private static Duration hours(String text, Duration otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			long hours = Long.parseLong(text.strip());
			if (hours < 0 || hours > 24 * 90) {
				throw new NumberFormatException(text);
			}
			return Duration.ofHours(hours);
		}
		catch (NumberFormatException ex) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID, "A grace period is 0 to 2160 hours.");
		}
	}

	private static String back(long id) {
		return "redirect:/console/cases/" + id;
	}

}
