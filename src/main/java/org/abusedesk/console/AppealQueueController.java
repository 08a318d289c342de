package org.abusedesk.console;

import java.time.Instant;
import java.util.stream.Collectors;

import org.abusedesk.appeals.AppealQueue;
import org.abusedesk.cases.Actor;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

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
 * The appeal queue (docs/appeals.md): open appeals and DMCA counter-notices waiting for
 * their restoration, the one due first first, each with a link to its case; an appeal is
 * decided from here by a person who took no part in the decision (the appeals module
 * checks, as it does for the API). A refused decision is a message on the page, except
 * one by a person who may not decide it, which is a 403.
 */
@Controller
class AppealQueueController {

	static final int PAGE = 200;

	private final AppealQueue queue;

	AppealQueueController(AppealQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/console/appeals")
	String appeals(Authentication authentication, Model model) {
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("items", this.queue.open(PAGE));
		model.addAttribute("now", Instant.now());
		return "console/appeals";
	}

	@PostMapping("/console/appeals/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		try {
			String decided = this.queue.decide(id, me.name(), me.role(), outcome, reason)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + id));
			redirect.addFlashAttribute("message", "Appeal " + id + " decided: " + decided + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", "Appeal " + id + ": "
					+ ex.errors().stream().map(FieldError::message).collect(Collectors.joining(" ")));
		}
		catch (ResponseStatusException ex) {
			if (ex.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("error", "Appeal " + id + ": " + ex.getReason());
		}
		return "redirect:/console/appeals";
	}

}
