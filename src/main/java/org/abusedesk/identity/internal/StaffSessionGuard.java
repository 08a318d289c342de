package org.abusedesk.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff member's console session at its next request once the user is disabled
 * (one look-up by the unique name per request): disabling someone takes effect at once,
 * not when their session lapses.
 */
final class StaffSessionGuard extends OncePerRequestFilter {

	private final StaffAccountStore users;

	StaffSessionGuard(StaffAccountStore users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
				&& !this.users.isEnabled(authentication.getName())) {
			CustomerSessionGuard.signOut(request);
		}
		chain.doFilter(request, response);
	}

}
