package org.abusedesk.portal.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.abusedesk.appeals.AppealReason;
import org.abusedesk.appeals.CustomerReviews;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The reasons of a review request in the OpenAPI document: the body takes the reason as
 * text (so that a wrong one gets a field error), so the allowed values
 * ({@link CustomerReviews#REASONS}) are set here.
 */
@Configuration(proxyBeanMethods = false)
class CustomerApiDocumentation {

	@Bean
	@Order(10)
	OpenApiCustomizer reviewReasons() {
		return CustomerApiDocumentation::document;
	}

	@SuppressWarnings("unchecked")
	static void document(OpenAPI api) {
		PathItem item = (api.getPaths() != null) ? api.getPaths().get("/api/v1/customer/mitigations/{id}/review")
				: null;
		Operation post = (item != null) ? item.getPost() : null;
		if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null
				|| api.getComponents() == null || api.getComponents().getSchemas() == null) {
			return;
		}
		MediaType json = post.getRequestBody().getContent().get("application/json");
		String ref = (json != null && json.getSchema() != null) ? json.getSchema().get$ref() : null;
		Schema<?> body = (ref != null) ? api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1))
				: null;
		Schema<?> reason = (body != null && body.getProperties() != null) ? body.getProperties().get("reason") : null;
		if (reason != null) {
			((Schema<String>) reason).setEnum(CustomerReviews.REASONS.stream().map(AppealReason::wire).toList());
		}
	}

}
