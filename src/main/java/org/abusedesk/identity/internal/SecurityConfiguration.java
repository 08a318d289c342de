package org.abusedesk.identity.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Everything not listed here is denied, so a new endpoint is closed
 * until someone decides who may use it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String[] STAFF = { "agent", "reviewer", "senior", "legal", "admin" };

	/**
	 * No tracing observation around each security filter, authentication and
	 * authorisation of every request (the request metric stays): wrapping the filters
	 * alone cost about a twentieth of a report's CPU in the profile (docs/adr/0005).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, StaffTokenStore tokens) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/error")
			// bearer tokens only, no cookies: nothing for a cross-site request to ride on
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(BearerTokenFilter.staff(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(HttpMethod.POST, "/api/v1/reports/*", "/api/v1/reports:batch")
				.permitAll()
				.requestMatchers("/api/v1/reporter-tokens", "/api/v1/reporter-tokens/*")
				.hasRole("admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/reports/status/*", "/api/openapi", "/api/openapi/**")
				.permitAll()
				// the reporter's appeal and the DMCA complainant's notice of an action
				// filed:
				// proven with the report's status secret in the body (issue 13)
				.requestMatchers(HttpMethod.POST, "/api/v1/reports/status/*/appeal",
						"/api/v1/reports/status/*/action-filed")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/appeals", "/api/v1/appeals/*")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/appeals/*/decision", "/api/v1/reporter-strikes")
				.hasAnyRole("reviewer", "senior", "legal", "admin")
				// measures against repeat infringers: always a senior's decision
				.requestMatchers(HttpMethod.GET, "/api/v1/account-measures", "/api/v1/account-measures/*")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/account-measures/*/decision")
				.hasAnyRole("senior", "admin")
				.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.PUT, "/api/v1/catalog")
				.hasRole("admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/policy")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/emergency")
				.hasAnyRole("reviewer", "senior", "admin")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/confirmations")
				.hasAnyRole("reviewer", "senior", "admin")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/referrals")
				.hasAnyRole("reviewer", "senior", "legal", "admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/referrals")
				.hasAnyRole("legal", "admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/authority-requests")
				.hasAnyRole("senior", "legal", "admin")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/approvals")
				.hasAnyRole("reviewer", "senior", "legal", "admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/intake/quarantine", "/api/v1/intake/quarantine/*")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/intake/unclear", "/api/v1/cases/*/correspondence")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/cases/*/correspondence/templates")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/correspondence")
				.hasAnyRole("reviewer", "senior", "legal", "admin")
				.requestMatchers(HttpMethod.POST, "/api/v1/intake/unclear/*", "/api/v1/intake/quarantine/*/release")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/outbox")
				.hasRole("admin")
				// the edge systems, and admins looking at what the edge sees
				.requestMatchers(HttpMethod.GET, "/api/v1/mitigations/active")
				.hasAnyRole("edge", "admin")
				// staff lift a mitigation after review (protected ones: senior, legal,
				// admin; StaffLifts checks)
				.requestMatchers(HttpMethod.POST, "/api/v1/mitigations/*/lift", "/api/v1/mitigations/*/end",
						"/api/v1/mitigations/*/extend", "/api/v1/mitigations/*/review")
				.hasAnyRole("reviewer", "senior", "legal", "admin")
				// the mitigations due for review
				.requestMatchers(HttpMethod.GET, "/api/v1/mitigations")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/transparency/report",
						"/api/v1/transparency/statements/refused")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/customer-tokens")
				.hasRole("admin")
				.requestMatchers(HttpMethod.DELETE, "/api/v1/customer-tokens/*")
				.hasRole("admin")
				.requestMatchers(HttpMethod.GET, "/api/v1/staff-tokens")
				.hasRole("admin")
				.requestMatchers(HttpMethod.DELETE, "/api/v1/staff-tokens/*")
				.hasRole("admin")
				.requestMatchers("/actuator/prometheus")
				.hasRole("admin")
				.anyRequest()
				.denyAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
						"A valid bearer token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
						"Your role does not allow this request.")))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * The public web pages (the report form). Unlike the API, these pages are used by
	 * browsers with a session cookie, so every form carries a CSRF token.
	 */
	@Bean
	@Order(20)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/", "/report", "/report/**", "/css/**")
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/", "/report", "/report/**", "/css/**")
				.permitAll()
				.anyRequest()
				.denyAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
						+ "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * Everything no other chain claims is closed, so a new page or endpoint is refused
	 * until a chain lists it. Chains of other pages take orders between 1 and 100. A
	 * person who follows a wrong link gets a page that says so (404, as for a page that
	 * does not exist), not a bare 403.
	 */
	@Bean
	@Order(100)
	SecurityFilterChain closedByDefault(HttpSecurity http) throws Exception {
		http.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().denyAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> notFoundPage(response))
				.accessDeniedHandler((request, response, ex) -> notFoundPage(response)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/** The page for a path that is not there: words and a way on, no markup injected. */
	static void notFoundPage(HttpServletResponse response) throws java.io.IOException {
		response.setStatus(404);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
		response.getOutputStream().write("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Page not found</title>
				<link rel="stylesheet" href="/css/report.css"></head>
				<body><main><h1>Page not found</h1>
				<p>There is no page at this address. To report abuse, use <a href="/report">the report form</a>;
				to follow a report, open the status link from your receipt.</p>
				<p><a href="/">Home</a></p></main></body></html>
				""".getBytes(StandardCharsets.UTF_8));
	}

	static void problem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

}
