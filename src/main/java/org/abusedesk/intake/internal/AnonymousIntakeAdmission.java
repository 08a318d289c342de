package org.abusedesk.intake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.abusedesk.problems.TooManyRequestsException;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits or refuses a report without a token ({@code POST /api/v1/reports/{type}}) before
 * anything else looks at the request. A flood is mostly such reports, and most of them
 * are refused: refusing them here (budget of the address and of all untrusted reports,
 * and places in progress) costs a fraction of going through security, the dispatcher and
 * the exception handling, which leaves the CPU to the reports that are accepted and to
 * trusted flaggers. The answer is the same problem document with {@code Retry-After} as
 * everywhere else. Reports with a token are admitted by the controller once the token is
 * known.
 */
final class AnonymousIntakeAdmission extends OncePerRequestFilter {

	/** Set on a request admitted here, so that the controller does not admit it again. */
	static final String ADMITTED = AnonymousIntakeAdmission.class.getName() + ".admitted";

	private static final String PATH = "/api/v1/reports/";

	private final IntakeRateLimiter limiter;

	private final IntakeBulkhead bulkhead;

	AnonymousIntakeAdmission(IntakeRateLimiter limiter, IntakeBulkhead bulkhead) {
		this.limiter = limiter;
		this.bulkhead = bulkhead;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || request.getHeader("Authorization") != null
				|| !path.startsWith(PATH) || path.indexOf('/', PATH.length()) >= 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		IntakeRateLimiter.Refusal refusal = this.limiter.acquire(request.getRemoteAddr(), null, 1);
		if (refusal != null) {
			refuse(response, refusal.retryAfter());
			return;
		}
		IntakeBulkhead.Permit permit;
		try {
			permit = this.bulkhead.enter(false, this.limiter.sentLittle(request.getRemoteAddr()));
		}
		catch (TooManyRequestsException ex) {
			refuse(response, ex.retryAfter());
			return;
		}
		try {
			request.setAttribute(ADMITTED, Boolean.TRUE);
			chain.doFilter(request, response);
		}
		finally {
			permit.close();
		}
	}

	private static void refuse(HttpServletResponse response, Duration retryAfter) throws IOException {
		long seconds = retryAfter.toSeconds();
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(seconds));
		response.setContentType("application/problem+json");
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
				+ "\"detail\":\"Too many reports; retry after " + seconds + " seconds.\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
