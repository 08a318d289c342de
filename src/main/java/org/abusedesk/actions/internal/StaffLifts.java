package org.abusedesk.actions.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.actions.Mitigations.Mitigation;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff lift a mitigation, with a reason: an active one (or one a customer's review
 * request had put {@code in_review} before review requests stopped lifting anything) is
 * {@code removed}, a pending one {@code cancelled}. A legal block, an emergency block or
 * a CSAM removal is lifted only by a senior, legal or admin.
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
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "required", "Say why the mitigation is lifted.");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "too_long", "At most " + MAX_REASON + " characters.");
		}
		Optional<Mitigation> found = this.store.lock(mitigationId);
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		String next = switch (mitigation.status()) {
			case "active", "in_review" -> "removed";
			case "pending" -> "cancelled";
			default -> throw new ResponseStatusException(HttpStatus.CONFLICT,
					"This mitigation is " + mitigation.status() + "; only a pending or active one is lifted.");
		};
		if (!mayLiftProtected && this.store.staysUntilStaffDecide(mitigation)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"A legal block, an emergency block or a CSAM removal is lifted by a senior, legal or admin.");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", why);
		facts.put("previous_status", mitigation.status());
		this.store.transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }), next, "mitigation.lifted",
				"staff:" + staff, facts);
		return this.store.find(mitigation.id());
	}

}
