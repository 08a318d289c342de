package org.abusedesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.abusedesk.access.AccessRules;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what: the API's chain (bearer tokens) built from every module's
 * {@link AccessRules}, and the chain that closes everything else. Whatever no module's
 * rules name is denied, so a new endpoint is closed until its module decides who may use
 * it. Chains of other pages (the console, the customer's pages, the report form, the
 * phishing interstitial) take orders between 1 and 100.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

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
	SecurityFilterChain apiSecurity(HttpSecurity http, StaffTokenStore tokens, List<AccessRules> modules)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/error")
			// bearer tokens only, no cookies: nothing for a cross-site request to ride on
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(BearerTokenFilter.staff(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> {
				AccessRuleSet.of(modules, AccessRules::api).applyTo(authorize);
				authorize.anyRequest().denyAll();
			})
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
