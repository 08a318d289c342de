package org.abusedesk.console;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.EmergencyApprovals;
import org.abusedesk.access.Role;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergencies awaiting approval: who declared each and why, who approved it so far,
 * the time box of its blocks, and the approve and refuse forms for a second and third
 * person.
 */
@Controller
class EmergenciesPageController {

	private final EmergencyApprovals approvals;

	EmergenciesPageController(EmergencyApprovals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/console/emergencies")
	String list(Authentication authentication, Model model) {
		Actor me = ConsoleActor.of(authentication);
		model.addAttribute("me", me);
		model.addAttribute("emergencies", this.approvals.awaiting());
		model.addAttribute("mayAnswer", me.isAny(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN));
		return "console/emergencies";
	}

	@PostMapping("/console/emergencies/{caseId}/answer")
	String answer(@PathVariable long caseId, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		ConsoleErrors.run(() -> {
			if (!"approve".equals(decision) && !"refuse".equals(decision)) {
				throw new org.abusedesk.cases.CaseWorkException(org.abusedesk.cases.CaseWorkException.Kind.INVALID,
						"Either approve or refuse.");
			}
			String status = this.approvals.answer(caseId, ConsoleActor.of(authentication), "approve".equals(decision),
					reason);
			redirect.addFlashAttribute("message", switch (status) {
				case "approved" -> "Case " + caseId + ": the emergency is approved; its blocks take effect.";
				case "refused" -> "Case " + caseId + ": the emergency is refused; the case is back in review.";
				default -> "Case " + caseId + ": your approval is recorded; it needs one more approver.";
			});
		}, redirect, null);
		return "redirect:/console/emergencies";
	}

}
