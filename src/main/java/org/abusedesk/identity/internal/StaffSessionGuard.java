package org.abusedesk.identity.internal;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff member's console session at its next request once the user is disabled or
 * its password is set again after the session signed in (one look-up by the unique name
 * per request): disabling someone, or resetting a password that leaked, takes effect at
 * once, not when the sessions lapse.
 */
final class StaffSessionGuard extends OncePerRequestFilter {

	/** The session attribute holding the time of the sign-in. */
	static final String SIGNED_IN_AT = StaffSessionGuard.class.getName() + ".SIGNED_IN_AT";

	private final StaffAccountStore users;

	StaffSessionGuard(StaffAccountStore users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		Instant signedInAt = (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant at) ? at : null;
		if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
				&& !this.users.maySessionContinue(authentication.getName(), signedInAt)) {
			CustomerSessionGuard.signOut(request);
		}
		chain.doFilter(request, response);
	}

}
