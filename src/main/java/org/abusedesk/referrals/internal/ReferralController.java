package org.abusedesk.referrals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.abusedesk.access.Role;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.referrals.Referrals;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff refer a case to law enforcement; legal and admins export the referrals made.
 */
@RestController
class ReferralController {

	static final int MAX_BASIS = 5000;

	static final int MAX_EXPORT = 10_000;

	record ReferralRequest(String basis, String country) {
	}

	private final LawEnforcementReferrals referrals;

	private final ReferralStore store;

	ReferralController(LawEnforcementReferrals referrals, ReferralStore store) {
		this.referrals = referrals;
		this.store = store;
	}

	@PostMapping("/api/v1/cases/{id}/referrals")
	@Transactional
	Referrals.Referral refer(@PathVariable long id, @RequestBody(required = false) ReferralRequest given,
			Authentication staff) {
		ReferralRequest referral = (given != null) ? given : new ReferralRequest(null, null);
		if (referral.basis() == null || referral.basis().isBlank()) {
			throw new InvalidInputException("basis", "required", "Say why the case is referred.");
		}
		if (referral.basis().length() > MAX_BASIS) {
			throw new InvalidInputException("basis", "too_long", "At most " + MAX_BASIS + " characters.");
		}
		if (referral.country() != null && !referral.country().matches("[A-Za-z]{2}")) {
			throw new InvalidInputException("country", "invalid", "An ISO 3166 alpha-2 country code.");
		}
		if (this.store.firstReport(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id + ".");
		}
		String actor = "staff:" + staff.getName();
		return this.referrals.referCase(id, referral.country(), referral.basis().strip(), actor)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"Case " + id + " was already referred to that authority."));
	}

	/** The referrals made in a period, for the record (DSA Art. 18). */
	@GetMapping("/api/v1/referrals")
	List<Referrals.Referral> export(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication staff) {
		if (Role.of(staff).filter((role) -> role == Role.LEGAL || role == Role.ADMIN).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only legal and admins export referrals.");
		}
		return this.store.between(day(from, "from", Instant.EPOCH), day(to, "to", Instant.now().plusSeconds(1)),
				MAX_EXPORT);
	}

	static Instant day(String value, String field, Instant otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(List.of(new FieldError(field, "invalid", "A date, e.g. 2026-01-31.")));
		}
	}

}
