package org.abusedesk.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.MailOutcome;
import org.abusedesk.mailbox.MailTriage;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The abuse mailbox's leftovers (docs/console.md, "Mailbox"): the reports filed without
 * their type, for a person to pick it, and the quarantined messages, read safely and
 * filed again by hand. Every step goes through {@link MailTriage}.
 */
@Controller
class MailboxPageController {

	static final int PAGE = 50;

	/** How much of an original is shown on the page; the download has all of it. */
	static final int SHOWN_BYTES = 64 * 1024;

	private final MailTriage triage;

	MailboxPageController(MailTriage triage) {
		this.triage = triage;
	}

	@GetMapping("/console/mailbox")
	String unclear(@RequestParam(defaultValue = "0") long after, Authentication authentication, Model model) {
		List<MailTriage.UnclearReport> reports = this.triage.unclear(after, PAGE);
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("reports", reports);
		model.addAttribute("types", types());
		model.addAttribute("next", (reports.size() == PAGE) ? reports.get(reports.size() - 1).reportId() : null);
		return "console/mailbox";
	}

	/** What picking the type will do, to confirm before anything happens. */
	@GetMapping("/console/mailbox/unclear/{id}")
	String confirmPick(@PathVariable long id, @RequestParam String type, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		MailTriage.UnclearReport report = this.triage.unclearReport(id)
			.filter((found) -> found.chosenType() == null)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report waiting for its type"));
		Optional<ReportType> picked = ReportType.fromWire(type).filter(MailTriage.TYPES::contains);
		if (picked.isEmpty()) {
			redirect.addFlashAttribute("error", "Pick one of " + String.join(", ", types()) + ".");
			return "redirect:/console/mailbox";
		}
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("report", report);
		model.addAttribute("type", picked.get().wire());
		return "console/mailbox-pick";
	}

	@PostMapping("/console/mailbox/unclear/{id}")
	String pick(@PathVariable long id, @RequestParam String type, Authentication authentication,
			RedirectAttributes redirect) {
		Optional<ReportType> picked = ReportType.fromWire(type);
		if (picked.isEmpty()) {
			redirect.addFlashAttribute("error", "There is no report type '" + type + "'.");
			return "redirect:/console/mailbox";
		}
		try {
			MailTriage.UnclearReport report = this.triage.pickType(id, picked.get(), authentication.getName())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"No report " + id + " waiting for its type"));
			redirect.addFlashAttribute("message",
					"Report " + report.trackingCode() + " is now " + report.type()
							+ ("submitted".equals(report.status())
									? "; the policy decides it as a " + report.type() + " report." : "."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.errors().get(0).message());
		}
		return "redirect:/console/mailbox";
	}

	@GetMapping("/console/mailbox/quarantine")
	String quarantine(@RequestParam(defaultValue = "9223372036854775807") long before, Authentication authentication,
			Model model) {
		List<MailTriage.QuarantinedMessage> messages = this.triage.quarantined(before, PAGE);
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("messages", messages);
		model.addAttribute("next", (messages.size() == PAGE) ? messages.get(messages.size() - 1).id() : null);
		return "console/quarantine";
	}

	@GetMapping("/console/mailbox/quarantine/{id}")
	String quarantined(@PathVariable long id, Authentication authentication, Model model) {
		MailTriage.QuarantinedMessage message = this.triage.quarantinedMessage(id).orElseThrow(this::noMessage);
		byte[] raw = this.triage.quarantinedOriginal(id).orElseThrow(this::noMessage);
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("message", message);
		model.addAttribute("original", shown(raw));
		model.addAttribute("cut", raw.length > SHOWN_BYTES);
		model.addAttribute("types", types());
		return "console/quarantined";
	}

	/** The original as a download: hostile input, never rendered by the browser. */
	@GetMapping("/console/mailbox/quarantine/{id}/original")
	ResponseEntity<byte[]> original(@PathVariable long id) {
		byte[] raw = this.triage.quarantinedOriginal(id).orElseThrow(this::noMessage);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mail_message-" + id + ".eml").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.body(raw);
	}

	@PostMapping("/console/mailbox/quarantine/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) String type, Authentication authentication,
			RedirectAttributes redirect) {
		ReportType as = null;
		if (type != null && !type.isBlank()) {
			as = ReportType.fromWire(type.strip()).orElse(null);
			if (as == null) {
				redirect.addFlashAttribute("error", "There is no report type '" + type + "'.");
				return "redirect:/console/mailbox/quarantine/" + id;
			}
		}
		try {
			MailOutcome outcome = this.triage.release(id, as, authentication.getName()).orElseThrow(this::noMessage);
			if ("quarantined".equals(outcome.status())) {
				redirect.addFlashAttribute("error", "Message " + id + " is quarantined again: " + outcome.reason());
				return "redirect:/console/mailbox/quarantine/" + id;
			}
			redirect
				.addFlashAttribute("message",
						"Message " + id + " " + outcome.status()
								+ (outcome.reports().isEmpty() ? ""
										: ": filed as " + outcome.reports().size() + " reports ("
												+ String.join(", ", outcome.reports()
													.stream()
													.map((report) -> report.trackingCode() + " " + report.type())
													.toList())
												+ ")")
								+ ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.errors().get(0).message());
			return "redirect:/console/mailbox/quarantine/" + id;
		}
		return "redirect:/console/mailbox/quarantine";
	}

	private ResponseStatusException noMessage() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such quarantined message");
	}

	private static List<String> types() {
		return MailTriage.TYPES.stream().map(ReportType::wire).toList();
	}

	/**
	 * The start of an original as text: bytes that are not UTF-8 and control characters
	 * (but tabs and line breaks) become U+FFFD. The page escapes it like all data.
	 */
	static String shown(byte[] raw) {
		String text = new String(raw, 0, Math.min(raw.length, SHOWN_BYTES), StandardCharsets.UTF_8);
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0);
			shown.appendCodePoint(control ? 0xFFFD : c);
		});
		return shown.toString();
	}

}
