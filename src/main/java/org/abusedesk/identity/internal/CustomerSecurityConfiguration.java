package org.abusedesk.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The customer API and the customer's web pages: everything under them for the customer
 * whose token it is, and nothing for anyone else. The customer chain comes before the
 * staff API chain ({@code @Order(1)}, all of {@code /api/**}): chains are tried in order
 * and the first whose matcher fits takes the request, so a more specific chain must come
 * first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CustomerSecurityConfiguration {

	/**
	 * Customers' own API: their bearer token, no session, no cookies (so no CSRF), and
	 * nothing a staff token could open.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain customerApiSecurity(HttpSecurity http, CustomerTokenStore tokens) throws Exception {
		http.securityMatcher("/api/v1/customer/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(BearerTokenFilter.customer(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasRole("customer"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> SecurityConfiguration.problem(response, 401,
						"Unauthorized", "A valid customer token is required."))
				.accessDeniedHandler((request, response, ex) -> SecurityConfiguration.problem(response, 403,
						"Forbidden", "Customer tokens only.")))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * The customer's web pages: signed in with the customer token once, then a session
	 * cookie (strict SameSite) and a CSRF token in every form. Every request checks that
	 * the token is still live.
	 */
	@Bean
	@Order(30)
	SecurityFilterChain customerPagesSecurity(HttpSecurity http, CustomerTokenStore tokens) throws Exception {
		http.securityMatcher("/customer", "/customer/**")
			// revoking the token ends the session at its next request
			.addFilterBefore(new CustomerSessionGuard(tokens), AnonymousAuthenticationFilter.class)
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.logoutUrl("/customer/sign-out").logoutSuccessUrl("/customer/sign-in"))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/customer/sign-in")
				.permitAll()
				.anyRequest()
				.hasRole("customer"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/customer/sign-in")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
