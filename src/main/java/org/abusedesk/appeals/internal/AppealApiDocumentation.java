package org.abusedesk.appeals.internal;

import java.util.List;

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
 * The reasons an appellant may give, in the OpenAPI document: the appeal bodies take the
 * reason as text (so that a wrong one gets a field error, not an unreadable body), so
 * springdoc cannot know the allowed values; they are set here from {@link AppealForm}'s
 * lists, and for the customer's review request (the portal's) from
 * {@link CustomerReviews#REASONS}.
 */
@Configuration(proxyBeanMethods = false)
class AppealApiDocumentation {

	@Bean
	@Order(10)
	OpenApiCustomizer appealReasons() {
		return AppealApiDocumentation::document;
	}

	static void document(OpenAPI api) {
		reasons(api, "/api/v1/customer/mitigations/{id}/appeal", AppealForm.CUSTOMER_REASONS);
		reasons(api, "/api/v1/customer/appeals", AppealForm.CUSTOMER_REASONS);
		reasons(api, "/api/v1/reports/status/{trackingCode}/appeal", AppealForm.REPORTER_REASONS);
		// the portal's review request takes the same words (CustomerReviews)
		reasons(api, "/api/v1/customer/mitigations/{id}/review", CustomerReviews.REASONS);
	}

	/** Lists {@code reasons} as the {@code reason} of the body {@code path} takes. */
	@SuppressWarnings("unchecked")
	static void reasons(OpenAPI api, String path, List<AppealReason> reasons) {
		PathItem item = (api.getPaths() != null) ? api.getPaths().get(path) : null;
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
			((Schema<String>) reason).setEnum(reasons.stream().map(AppealReason::wire).toList());
		}
	}

}
