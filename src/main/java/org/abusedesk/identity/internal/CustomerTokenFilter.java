package org.abusedesk.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the customer tokens only: a
 * staff token means nothing here, and a customer token means nothing to the staff API.
 * The principal is the {@link org.abusedesk.identity.Customer}.
 */
class CustomerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final CustomerTokenStore tokens;

	CustomerTokenFilter(CustomerTokenStore tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			this.tokens.findByToken(header.substring(PREFIX.length()).trim()).ifPresent((customer) -> {
				var authentication = new UsernamePasswordAuthenticationToken(customer, null,
						List.of(new SimpleGrantedAuthority("ROLE_customer")));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			});
		}
		chain.doFilter(request, response);
	}

}
