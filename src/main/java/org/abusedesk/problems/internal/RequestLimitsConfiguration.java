package org.abusedesk.problems.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitProperties.class)
class RequestLimitsConfiguration {

	/** Right after the anonymous intake admission: both cost next to nothing. */
	@Bean
	FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(RequestLimitProperties limits) {
		FilterRegistrationBean<RequestBodyLimits> registration = new FilterRegistrationBean<>(
				new RequestBodyLimits(limits));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<DirectErrorRequests> directErrorRequests() {
		FilterRegistrationBean<DirectErrorRequests> registration = new FilterRegistrationBean<>(
				new DirectErrorRequests());
		registration.addUrlPatterns("/error", "/error/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

}
