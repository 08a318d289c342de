package org.abusedesk;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTests extends IntegrationTest {

	@Test
	void theApplicationServesItsOpenApiDocument() {
		Api.Response response = new Api(this.port).get("/api/openapi", null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode document = response.json();
		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.get("paths").propertyNames()).contains("/api/v1/reports/{type}",
				"/api/v1/reports/status/{trackingCode}", "/api/v1/reports:batch", "/api/v1/catalog", "/api/v1/cases");
	}

}
