package org.abusedesk.catalog;

import org.abusedesk.TestCatalog;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTests extends IntegrationTest {

	@Autowired
	private StaffTokens tokens;

	private Api api;

	private String admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.admin = this.tokens.issue("catalog-admin-" + TestCatalog.unique().id(), Role.ADMIN, "test", null);
	}

	@Test
	void appliesValidEntriesAndReportsInvalidOnesWithTheirPaths() {
		TestCatalog catalog = TestCatalog.unique();
		String document = """
				{"accounts": [
				  {"ref": "ok-%1$s", "name": "OK", "abuse_contact": "ok-%1$s@customer.example", "at_risk": false,
				   "status": "active", "properties": [{"zone": "ok-%1$s.example", "services": ["hosting"]}]},
				  {"ref": "bad-%1$s", "name": "Bad", "abuse_contact": "not-an-email", "at_risk": false,
				   "status": "active", "properties": [{"zone": "bad-%1$s.example", "services": ["teleport"]}]}
				]}""".formatted(catalog.id());

		Api.Response response = this.api.put("/api/v1/catalog", document, this.admin);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("accounts_applied").asInt()).isEqualTo(1);
		assertThat(result.at("/rejected/0/index").asInt()).isEqualTo(1);
		assertThat(result.at("/rejected/0/ref").asString()).isEqualTo("bad-" + catalog.id());
		assertThat(result.at("/rejected/0/errors").valueStream().map((e) -> e.get("field").asString()).toList())
			.contains("accounts[1].abuse_contact", "accounts[1].properties[0].services[0]");
	}

	@Test
	void unreadableDocumentAnswers422() {
		Api.Response response = this.api.put("/api/v1/catalog", "[1, 2", this.admin);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").isArray()).isTrue();
	}

}
