package org.abusedesk.identity.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The staff console (docs/console.md): form login with a password, a server-side session,
 * CSRF tokens on every form, a strict content security policy (no inline script or
 * style), and a role for every page and action from the console's {@link AccessRules}.
 * The case-work API checks the roles of actions again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfiguration {

	static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
			+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The Swagger UI's: as {@link #CSP}, but its stylesheet's icons are {@code data:}
	 * images and its bundle adds one fixed style element, allowed by its hash (a new
	 * Swagger UI with another one fails {@code ApiDocsBrowserTests}). Scripts stay 'self'
	 * only.
	 */
	static final String API_DOCS_CSP = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
			+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The Swagger UI of the API (springdoc's, from its WebJar): for signed-in staff only,
	 * with the console's session, under a policy of its own.
	 */
	private static final String[] STAFF = Access.STAFF.stream().map(Role::wire).sorted().toArray(String[]::new);

	@Bean
	@Order(9)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http, StaffAccountStore accounts) throws Exception {
		http.securityMatcher("/console/api-docs", "/console/swagger-ui/**", "/webjars/swagger-ui/**")
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(new StaffSessionGuard(accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(HttpMethod.GET, "/console/api-docs", "/console/swagger-ui/**",
						"/webjars/swagger-ui/**")
				.hasAnyRole(STAFF)
				.anyRequest()
				.denyAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(API_DOCS_CSP))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(10)
	SecurityFilterChain consoleSecurity(HttpSecurity http, StaffAccountStore accounts, SignInThrottle throttle,
			List<AccessRules> modules) throws Exception {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::load);
		provider.setPasswordEncoder(accounts.encoder());
		ConsoleSignInThrottleFilter throttled = new ConsoleSignInThrottleFilter(throttle);
		http.securityMatcher("/console", "/console/**", "/login", "/logout", "/webjars/**", "/console-assets/**")
			.authenticationProvider(provider)
			.httpBasic((basic) -> basic.disable())
			// sign-in is throttled per account name and per address (SignInThrottle)
			.addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class)
			// a session ends at its next request once its user is disabled or its
			// password set again
			.addFilterBefore(new StaffSessionGuard(accounts), AnonymousAuthenticationFilter.class)
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(throttled.successHandler((request, name) -> request.getSession()
					.setAttribute(StaffSessionGuard.SIGNED_IN_AT, accounts.recordSignIn(name))))
				.failureHandler(throttled.failureHandler())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
			.authorizeHttpRequests((authorize) -> {
				AccessRuleSet.of(modules, AccessRules::console).applyTo(authorize);
				authorize.anyRequest().denyAll();
			})
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
