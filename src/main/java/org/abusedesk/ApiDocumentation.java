package org.abusedesk;

import java.time.Duration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What the OpenAPI document says about itself. The modules document their own operations
 * (intake, catalog), the tokens (identity) and the problems (problems).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		// every duration of the API is whole seconds in a field ending _seconds (ADR
		// 0014)
		SpringDocUtils.getConfig()
			.replaceWithSchema(Duration.class,
					new IntegerSchema().format("int64").description("A duration in whole seconds"));
	}

	/**
	 * The schemas springdoc derives from our records, with the names Jackson writes
	 * ({@code spring.jackson.property-naming-strategy=SNAKE_CASE}): springdoc reads the
	 * records with a mapper of its own, which named them in camel case
	 * ({@code territorialScope}) where the answers say {@code territorial_scope}.
	 */
	@Bean
	ModelResolver snakeCaseSchemas() {
		return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
			.openapi31(true);
	}

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
