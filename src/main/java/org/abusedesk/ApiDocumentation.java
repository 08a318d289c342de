package org.abusedesk;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What the OpenAPI document says about itself. The modules document their own operations
 * (intake, catalog), the tokens (identity) and the problems (problems).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	@Order(-10)
	OpenApiCustomizer apiInfo() {
		return (api) -> api.info(new Info().title("abusedesk API").version("v1").description("""
				The abuse desk's REST API: filing reports (anyone, or with a reporter token), \
				the reporter's status and appeals (with the status secret), the customer's API \
				(customer token) and the staff's case work (staff token with its role). Errors are \
				RFC 9457 problem details; invalid input lists every field with a code."""));
	}

}
