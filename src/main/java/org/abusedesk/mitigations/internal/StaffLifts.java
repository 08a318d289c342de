package org.abusedesk.mitigations.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff lift a mitigation, with a reason: an active one (or one a customer's review
 * request had put {@code in_review} before review requests stopped lifting anything) is
 * {@code removed}, a pending one {@code cancelled}. Staff also end one at their word (the
 * same statuses, audited and announced as {@code mitigation.ended}), extend its expiry
 * ({@code mitigation.extended}) or set its review date
 * ({@code mitigation.review_scheduled}). A legal block, an emergency block or a CSAM
 * removal is changed only by a senior, legal or admin.
 */
@Service
class StaffLifts {

	static final int MAX_REASON = 5000;

	private final MitigationStore store;

	StaffLifts(MitigationStore store) {
		this.store = store;
	}

	/**
	 * @param staff the staff user's name
	 * @param mayLiftProtected whether the staff user is a senior, legal or admin
	 * @return the mitigation after the change, or empty when there is none with this id
	 * @throws InvalidInputException when the reason is missing or too long
	 * @throws ResponseStatusException 403 for a protected mitigation and a reviewer, 409
	 * when it is no longer pending or active
	 */
	@Transactional
	Optional<Mitigation> lift(long mitigationId, String staff, boolean mayLiftProtected, String reason) {
		return stop(mitigationId, staff, mayLiftProtected, reason, "lifted", "mitigation.lifted");
	}

	/**
	 * Ends a mitigation at staff's word: like {@link #lift}, audited and sent to the edge
	 * as {@code mitigation.ended}.
	 */
	@Transactional
	Optional<Mitigation> end(long mitigationId, String staff, boolean mayChangeProtected, String reason) {
		return stop(mitigationId, staff, mayChangeProtected, reason, "ended", "mitigation.ended");
	}

	/**
	 * Moves a mitigation's expiry later, audited {@code mitigation.extended} (before and
	 * after) and sent to the edge.
	 * @throws InvalidInputException when the reason or the time is missing, the time is
	 * not an ISO-8601 instant, not in the future, or not after the current expiry
	 * @throws ResponseStatusException 409 when the mitigation is not pending or active or
	 * has no expiry to extend
	 */
	@Transactional
	Optional<Mitigation> extend(long mitigationId, String staff, boolean mayChangeProtected, String expiresAt,
			String reason) {
		Valid valid = validate("expires_at", expiresAt, reason, "extended");
		Optional<Mitigation> found = claim(mitigationId, mayChangeProtected, "extended");
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		if (mitigation.expiresAt() == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"This mitigation does not expire; there is no expiry to extend.");
		}
		if (!valid.time().isAfter(mitigation.expiresAt())) {
			throw new InvalidInputException("expires_at", "not_later",
					"Must be after the current expiry, " + mitigation.expiresAt() + ".");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", valid.reason());
		facts.put("expires_at_before", mitigation.expiresAt());
		facts.put("expires_at", valid.time());
		return Optional.of(this.store.reschedule(mitigation, "expires_at", valid.time(), "mitigation.extended",
				"staff:" + staff, facts));
	}

	/**
	 * Sets when a person must look at a mitigation again, audited
	 * {@code mitigation.review_scheduled} (before and after). Nothing the edge sees
	 * changes.
	 * @throws InvalidInputException when the reason or the time is missing, the time is
	 * not an ISO-8601 instant or not in the future
	 * @throws ResponseStatusException 409 when the mitigation is not pending or active
	 */
	@Transactional
	Optional<Mitigation> review(long mitigationId, String staff, boolean mayChangeProtected, String reviewAt,
			String reason) {
		Valid valid = validate("review_at", reviewAt, reason, "reviewed then");
		Optional<Mitigation> found = claim(mitigationId, mayChangeProtected, "rescheduled");
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", valid.reason());
		facts.put("review_at_before", mitigation.reviewAt());
		facts.put("review_at", valid.time());
		return Optional.of(this.store.reschedule(mitigation, "review_at", valid.time(), "mitigation.review_scheduled",
				"staff:" + staff, facts));
	}

	private Optional<Mitigation> stop(long mitigationId, String staff, boolean mayChangeProtected, String reason,
			String verb, String action) {
		Optional<FieldError> error = reason(reason, verb);
		if (error.isPresent()) {
			throw new InvalidInputException(List.of(error.get()));
		}
		String why = reason.strip();
		Optional<Mitigation> found = claim(mitigationId, mayChangeProtected, verb);
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", why);
		facts.put("previous_status", mitigation.status().wire());
		this.store.transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }),
				mitigation.status().lifted(), action, "staff:" + staff, facts);
		return this.store.find(mitigation.id());
	}

	/**
	 * Locks the mitigation for a change by staff.
	 * @throws ResponseStatusException 409 when it is no longer pending or active, 403 for
	 * a protected mitigation and a staff member who may not change it
	 */
	private Optional<Mitigation> claim(long mitigationId, boolean mayChangeProtected, String verb) {
		Optional<Mitigation> found = this.store.lock(mitigationId);
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		if (mitigation.status().ended()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This mitigation is " + mitigation.status().wire()
					+ "; only a pending or active one is " + verb + ".");
		}
		if (!mayChangeProtected && this.store.staysUntilStaffDecide(mitigation)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"A legal block, an emergency block or a CSAM removal is " + verb + " by a senior, legal or admin.");
		}
		return found;
	}

	private static Optional<FieldError> reason(String reason, String verb) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			return Optional.of(new FieldError("reason", "required", "Say why the mitigation is " + verb + "."));
		}
		if (why.length() > MAX_REASON) {
			return Optional.of(new FieldError("reason", "too_long", "At most " + MAX_REASON + " characters."));
		}
		return Optional.empty();
	}

	/** Checks the reason and a future ISO-8601 instant, answering every error at once. */
	private static Valid validate(String field, String value, String reason, String verb) {
		List<FieldError> errors = new ArrayList<>();
		reason(reason, verb).ifPresent(errors::add);
		Instant time = null;
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", "An ISO-8601 instant, e.g. 2026-03-02T12:00:00Z."));
		}
		else {
			try {
				time = Instant.parse(value.strip());
				if (!time.isAfter(Instant.now())) {
					errors.add(new FieldError(field, "not_in_future", "Must be in the future."));
				}
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(field, "not_a_time", "An ISO-8601 instant, e.g. 2026-03-02T12:00:00Z."));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Valid(time, reason.strip());
	}

	private record Valid(Instant time, String reason) {
	}

}
