package org.abusedesk.intake.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.abusedesk.problems.TooManyRequestsException;
import org.abusedesk.problems.UnauthorizedException;

import org.springframework.stereotype.Component;

/**
 * Who files a report over HTTP: anonymous (by client address) or the holder of a reporter
 * token, and whether their budget allows it.
 */
@Component
class ReporterAuthentication {

	private static final String BEARER = "Bearer ";

	private final ReporterTokenStore tokens;

	private final IntakeRateLimiter limiter;

	private final IntakeBulkhead bulkhead;

	ReporterAuthentication(ReporterTokenStore tokens, IntakeRateLimiter limiter, IntakeBulkhead bulkhead) {
		this.tokens = tokens;
		this.limiter = limiter;
		this.bulkhead = bulkhead;
	}

	/**
	 * @return the credential, or {@code null} for an anonymous request
	 * @throws UnauthorizedException for a token that is not (or no longer) valid
	 */
	ReporterCredential credential(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null) {
			return null;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new UnauthorizedException("Use 'Authorization: Bearer <reporter token>' or no credentials.");
		}
		return this.tokens.find(header.substring(BEARER.length()).trim())
			.orElseThrow(() -> new UnauthorizedException("This reporter token is not valid."));
	}

	/**
	 * Takes a place among the requests in progress of the caller's kind (trusted flaggers
	 * or everyone else), for as long as the request is worked on.
	 * @throws TooManyRequestsException when every place is taken
	 */
	IntakeBulkhead.Permit enter(ReporterCredential credential) {
		return this.bulkhead.enter(credential != null && credential.trustedFlagger());
	}

	/**
	 * @throws TooManyRequestsException when the client or its pool is over budget
	 */
	void admit(HttpServletRequest request, ReporterCredential credential, int reports) {
		IntakeRateLimiter.Refusal refusal = this.limiter.acquire(request.getRemoteAddr(), credential, reports);
		if (refusal != null) {
			throw new TooManyRequestsException(refusal.retryAfter());
		}
	}

}
