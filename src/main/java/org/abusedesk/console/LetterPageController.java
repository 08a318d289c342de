package org.abusedesk.console;

import java.util.List;
import java.util.UUID;

import org.abusedesk.notifications.CaseLetters;
import org.abusedesk.access.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing to a reporter or to the customer from a case: choose whom and a template (per
 * report type and language), edit the words, send through the outbox. The form carries a
 * key of its own, so posting it twice sends one letter.
 */
@Controller
class LetterPageController {

	private final CaseLetters letters;

	LetterPageController(CaseLetters letters) {
		this.letters = letters;
	}

	@GetMapping("/console/cases/{id}/write")
	String form(@PathVariable long id, @RequestParam(defaultValue = "reporter") String party,
			@RequestParam(name = "report", defaultValue = "0") long reportId,
			@RequestParam(required = false) String template, Authentication authentication, Model model) {
		CaseLetters.Recipients recipients = this.letters.recipients(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id));
		String chosenParty = "customer".equals(party) ? "customer" : "reporter";
		long report = ("reporter".equals(chosenParty) && reportId == 0 && !recipients.reporters().isEmpty())
				? recipients.reporters().get(0).reportId() : reportId;
		String language = recipients.reporters()
			.stream()
			.filter((r) -> r.reportId() == report)
			.map(CaseLetters.ReporterRef::language)
			.findFirst()
			.orElse("en");
		List<CaseLetters.Template> templates = this.letters.templates(chosenParty, recipients.reportType());
		String chosen = (template != null) ? template
				: templates.stream()
					.filter((t) -> t.language().equals(language))
					.findFirst()
					.or(() -> templates.stream().findFirst())
					.map(CaseLetters.Template::id)
					.orElse(null);
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("recipients", recipients);
		model.addAttribute("party", chosenParty);
		model.addAttribute("report", report);
		model.addAttribute("templates", templates);
		model.addAttribute("template", chosen);
		if (!model.containsAttribute("letter")) {
			model.addAttribute("letter", (chosen != null)
					? this.letters.fill(id, chosen, "reporter".equals(chosenParty) ? report : 0).orElse(null) : null);
		}
		model.addAttribute("key", UUID.randomUUID().toString());
		model.addAttribute("mayWrite",
				ConsoleActor.of(authentication).isAny(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN));
		return "console/write";
	}

	@PostMapping("/console/cases/{id}/write")
	String send(@PathVariable long id, @RequestParam(required = false) String party,
			@RequestParam(name = "report", defaultValue = "0") long reportId,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			@RequestParam(required = false) String key, Authentication authentication, RedirectAttributes redirect) {
		boolean sent = ConsoleErrors.refusedAsMessage(() -> {
			String recipient = this.letters.send(id, ConsoleActor.of(authentication).name(), party, reportId, subject,
					body, key);
			redirect.addFlashAttribute("message", "Your letter to " + recipient + " is in the outbox.");
		}, redirect);
		if (sent) {
			return "redirect:/console/cases/" + id;
		}
		redirect.addFlashAttribute("letter", new CaseLetters.Letter(null, party, null, subject, body));
		redirect.addAttribute("party", party);
		redirect.addAttribute("report", reportId);
		return "redirect:/console/cases/" + id + "/write";
	}

}
