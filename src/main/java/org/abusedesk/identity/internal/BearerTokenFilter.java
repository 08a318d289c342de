package org.abusedesk.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against one kind of stored token
 * (staff or customer: each chain has its own, so a token of one kind means nothing to the
 * other). An unknown token leaves the request anonymous, so protected endpoints answer
 * 401.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final Function<String, Optional<Authentication>> tokens;

	private BearerTokenFilter(Function<String, Optional<Authentication>> tokens) {
		this.tokens = tokens;
	}

	/**
	 * Staff tokens: the principal is the staff member's name, the authority their role.
	 */
	static BearerTokenFilter staff(StaffTokenStore store) {
		return new BearerTokenFilter((secret) -> store.findByToken(secret)
			.map((staff) -> authentication(staff.name(), "ROLE_" + staff.role().wire())));
	}

	/** Customer tokens: the principal is the {@link org.abusedesk.identity.Customer}. */
	static BearerTokenFilter customer(CustomerTokenStore store) {
		return new BearerTokenFilter(
				(secret) -> store.findByToken(secret).map((customer) -> authentication(customer, "ROLE_customer")));
	}

	private static Authentication authentication(Object principal, String authority) {
		return new UsernamePasswordAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority(authority)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			this.tokens.apply(header.substring(PREFIX.length()).trim())
				.ifPresent((authentication) -> SecurityContextHolder.getContext().setAuthentication(authentication));
		}
		chain.doFilter(request, response);
	}

}
