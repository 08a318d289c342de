package org.abusedesk.intake.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IntakeFilters {

	/** First of all filters: a refused report should cost as little as possible. */
	@Bean
	FilterRegistrationBean<AnonymousIntakeAdmission> anonymousIntakeAdmission(IntakeRateLimiter limiter,
			IntakeBulkhead bulkhead) {
		FilterRegistrationBean<AnonymousIntakeAdmission> registration = new FilterRegistrationBean<>(
				new AnonymousIntakeAdmission(limiter, bulkhead));
		registration.addUrlPatterns("/api/v1/reports/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
