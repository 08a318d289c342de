package org.abusedesk.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.abusedesk.mitigations.MitigationControl;
import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;
import org.abusedesk.policy.MitigationType;

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
 * The mitigations page: filter by type, status, account and review date, and one page per
 * mitigation to lift it, extend it or set its review date, each with a reason
 * (post/redirect/get, what happened or why not as a message).
 */
@Controller
class MitigationsPageController {

	private final MitigationControl control;

	private final Mitigations mitigations;

	MitigationsPageController(MitigationControl control, Mitigations mitigations) {
		this.control = control;
		this.mitigations = mitigations;
	}

	@GetMapping("/console/mitigations")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
			@RequestParam(required = false) String account,
			@RequestParam(name = "review_due", required = false) String reviewDue, Authentication authentication,
			Model model) {
		String chosenType = MitigationType.fromWire(blank(type)).map(MitigationType::wire).orElse(null);
		MitigationStatus chosenStatus = MitigationStatus.fromWire(blank(status)).orElse(null);
		MitigationControl.Filter filter = new MitigationControl.Filter(chosenType, chosenStatus, blank(account),
				"true".equals(reviewDue));
		// a type or status the form does not offer lists nothing, and says so, instead of
		// every mitigation in force
		Optional<String> unknown = FilterChoices.first(
				FilterChoices.unknown("mitigation type", type, MitigationType.class),
				FilterChoices.unknown("mitigation status", status, MitigationStatus.class));
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("filter", filter);
		unknown.ifPresent((message) -> model.addAttribute("error", message));
		model.addAttribute("mitigations",
				unknown.isPresent() ? List.of() : this.control.search(filter, MitigationControl.MAX_RESULTS));
		model.addAttribute("types", Arrays.stream(MitigationType.values()).map(MitigationType::wire).toList());
		model.addAttribute("statuses", MitigationStatus.values());
		model.addAttribute("now", Instant.now());
		return "console/mitigations";
	}

	@GetMapping("/console/mitigations/{id}")
	String show(@PathVariable long id, Authentication authentication, Model model) {
		Actor me = ConsoleActor.of(authentication);
		Mitigation mitigation = this.mitigations.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + id));
		model.addAttribute("me", me);
		model.addAttribute("m", mitigation);
		model.addAttribute("inForce", !mitigation.status().ended());
		model.addAttribute("mayChange", me.isAny(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN));
		model.addAttribute("now", Instant.now());
		return "console/mitigation";
	}

	@PostMapping("/console/mitigations/{id}/lift")
	String lift(@PathVariable long id, @RequestParam(required = false) String reason, Authentication authentication,
			RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		step(redirect, () -> this.control.lift(id, me.name(), mayChangeProtected(me), reason),
				(m) -> "Lifted: the mitigation is " + m.status().wire() + " and the edge drops it.");
		return back(id);
	}

	@PostMapping("/console/mitigations/{id}/extend")
	String extend(@PathVariable long id, @RequestParam(name = "expires_at", required = false) String expiresAt,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		step(redirect, () -> this.control.extend(id, me.name(), mayChangeProtected(me),
				instant("expires_at", expiresAt), reason), (m) -> "Extended: it now ends " + m.expiresAt() + ".");
		return back(id);
	}

	@PostMapping("/console/mitigations/{id}/review")
	String review(@PathVariable long id, @RequestParam(name = "review_at", required = false) String reviewAt,
			@RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
		Actor me = ConsoleActor.of(authentication);
		step(redirect, () -> this.control.review(id, me.name(), mayChangeProtected(me), instant("review_at", reviewAt),
				reason), (m) -> "Review set for " + m.reviewAt() + ".");
		return back(id);
	}

	private static boolean mayChangeProtected(Actor me) {
		return me.isAny(Role.SENIOR, Role.LEGAL, Role.ADMIN);
	}

	/**
	 * A time from the page's {@code datetime-local} field (read as UTC, as the page says)
	 * or an ISO-8601 instant, as the mitigation API takes it.
	 */
	static String instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		String text = value.strip();
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString();
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	/** Runs a step; refused input, a conflict or a missing role becomes a message. */
	private static void step(RedirectAttributes redirect, Supplier<Optional<Mitigation>> step,
			Function<Mitigation, String> success) {
		ConsoleErrors.refusedAsMessage(() -> {
			Mitigation changed = step.get()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mitigation."));
			redirect.addFlashAttribute("message", success.apply(changed));
		}, redirect);
	}

	private static String back(long id) {
		return "redirect:/console/mitigations/" + id;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
