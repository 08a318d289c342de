package org.abusedesk.intake.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public web pages (the home page and the report form). Unlike the API, these pages
 * are used by browsers with a session cookie, so every form carries a CSRF token; nothing
 * is loaded from anywhere else, and no referrer leaves with a reporter's link.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReportFormSecurity {

	@Bean
	@Order(20)
	SecurityFilterChain reportFormChain(HttpSecurity http) throws Exception {
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

}
