package org.abusedesk.identity.internal;

import java.io.IOException;
import java.io.Serializable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.abusedesk.identity.Customer;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a customer's web session at its next request once the token it was signed in with
 * is revoked (one look-up by primary key per request). A session without the token's id
 * is ended too.
 */
final class CustomerSessionGuard extends OncePerRequestFilter {

	/** Kept in the session's authentication as its details. */
	record TokenId(long id) implements Serializable {
	}

	private final CustomerTokenStore tokens;

	CustomerSessionGuard(CustomerTokenStore tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Customer
				&& !(authentication.getDetails() instanceof TokenId token && this.tokens.isLive(token.id()))) {
			signOut(request);
		}
		chain.doFilter(request, response);
	}

	static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
