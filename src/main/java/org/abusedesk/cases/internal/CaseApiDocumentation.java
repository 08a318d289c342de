package org.abusedesk.cases.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.vocabulary.WireValue;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The case statuses the list of cases filters on, in the OpenAPI document: the
 * {@code status} parameter is read as text (so that a wrong one gets a field error, not a
 * conversion failure), so springdoc cannot know the allowed values; they are set here
 * from {@link CaseStatus}.
 */
@Configuration(proxyBeanMethods = false)
class CaseApiDocumentation {

	@Bean
	@Order(10)
	OpenApiCustomizer caseStatuses() {
		return CaseApiDocumentation::document;
	}

	static void document(OpenAPI api) {
		PathItem item = (api.getPaths() != null) ? api.getPaths().get("/api/v1/cases") : null;
		Operation get = (item != null) ? item.getGet() : null;
		if (get == null || get.getParameters() == null) {
			return;
		}
		for (Parameter parameter : get.getParameters()) {
			if ("status".equals(parameter.getName())) {
				// a schema of its own: springdoc gives every text parameter the same one,
				// and the statuses set on it were listed for from, to, secret and the
				// rest
				parameter.setSchema(new StringSchema()._enum(WireValue.wires(CaseStatus.class)));
			}
		}
	}

}
