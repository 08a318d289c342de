package org.abusedesk.mitigations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff end, extend and schedule the review of a mitigation, each with a reason (roles as
 * for {@link StaffLiftController lift}):
 * <ul>
 * <li>{@code POST /api/v1/mitigations/{id}/end} {@code {"reason"}}: ended now at staff's
 * word; the edge drops it with the next change it reads.</li>
 * <li>{@code POST /api/v1/mitigations/{id}/extend} {@code {"expires_at", "reason"}}: a
 * later expiry.</li>
 * <li>{@code POST /api/v1/mitigations/{id}/review} {@code {"review_at", "reason"}}: when
 * a person looks at it again.</li>
 * </ul>
 * and list the mitigations due for review:
 * {@code GET /api/v1/mitigations?review_due=true} (every staff role).
 */
@RestController
class StaffMitigationController {

	private static final int LIST_LIMIT = 500;

	record End(String reason) {
	}

	record Extend(String expiresAt, String reason) {
	}

	record Review(String reviewAt, String reason) {
	}

	/** A mitigation as staff see it: what the edge sees, and its review date. */
	record StaffView(long id, long caseId, String type, String entityType, String target, String accountRef,
			List<String> territorialScope, MitigationStatus status, Instant effectiveAt, Instant expiresAt,
			Instant reviewAt, long changeSeq, Instant updatedAt) {

		static StaffView of(Mitigation m) {
			return new StaffView(m.id(), m.caseId(), m.type(), m.entityType(), m.target(), m.accountRef(),
					m.territorialScope(), m.status(), m.effectiveAt(), m.expiresAt(), m.reviewAt(), m.changeSeq(),
					m.updatedAt());
		}

	}

	private final StaffLifts staff;

	private final MitigationStore store;

	StaffMitigationController(StaffLifts staff, MitigationStore store) {
		this.staff = staff;
		this.store = store;
	}

	@PostMapping("/api/v1/mitigations/{id}/end")
	StaffView end(@PathVariable long id, @RequestBody End end, Authentication user) {
		return found(id, this.staff.end(id, user.getName(), mayChangeProtected(user), end.reason()));
	}

	@PostMapping("/api/v1/mitigations/{id}/extend")
	StaffView extend(@PathVariable long id, @RequestBody Extend extend, Authentication user) {
		return found(id,
				this.staff.extend(id, user.getName(), mayChangeProtected(user), extend.expiresAt(), extend.reason()));
	}

	@PostMapping("/api/v1/mitigations/{id}/review")
	StaffView review(@PathVariable long id, @RequestBody Review review, Authentication user) {
		return found(id,
				this.staff.review(id, user.getName(), mayChangeProtected(user), review.reviewAt(), review.reason()));
	}

	@GetMapping("/api/v1/mitigations")
	Map<String, List<StaffView>> list(@RequestParam(name = "review_due", required = false) String reviewDue) {
		if (reviewDue != null && !List.of("true", "false").contains(reviewDue)) {
			throw new InvalidInputException("review_due", "invalid", "true or false.");
		}
		return Map.of("mitigations",
				this.store.inForce(Instant.now(), "true".equals(reviewDue), LIST_LIMIT)
					.stream()
					.map(StaffView::of)
					.toList());
	}

	private static boolean mayChangeProtected(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(StaffLiftController.MAY_LIFT_PROTECTED::contains);
	}

	private static StaffView found(long id, Optional<Mitigation> mitigation) {
		return StaffView
			.of(mitigation.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + id)));
	}

}
