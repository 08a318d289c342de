package org.abusedesk.intake;

import org.abusedesk.DeskTest;
import org.abusedesk.TestCatalog;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisations that report in bulk: tokens, the kind the operator grants, batches. */
class ReporterTokenTests extends DeskTest {

	private JsonNode issue(String kind) {
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "flagger %1$s", "reporter_kind": "%2$s", "name": "Flagger %1$s",
				 "email": "flagger-%1$s@flaggers.example", "organisation": "Flaggers e.V."}"""
			.formatted(this.catalog.id(), kind), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json();
	}

	private String report(String suffix) {
		return """
				{"urls": ["https://x.%s/%s"], "justification": "Phishing kit.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}"""
			.formatted(this.catalog.hostedZone(), suffix);
	}

	@Test
	void theKindComesFromTheTokenAndTheReporterDefaultsToItsHolder() {
		String token = issue("trusted_flagger").get("token").asString();
		Api.Response created = this.api.post("/api/v1/reports/phishing", report("a"), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(this.jdbc.sql("select reporter_kind || ' ' || reporter_email from report where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("trusted_flagger flagger-" + this.catalog.id() + "@flaggers.example");
		assertThat(this.jdbc.sql("select count(*) from reporter_token where token_hash = :t")
			.param("t", token)
			.query(Integer.class)
			.single()).as("the token is not stored in clear").isZero();
	}

	@Test
	void aBodyCannotClaimAnotherKindThanItsToken() {
		String token = issue("rights_holder").get("token").asString();
		String body = """
				{"reporter": {"name": "X", "email": "x@x.example", "kind": "trusted_flagger"},
				 "urls": ["https://x.%s/b"], "justification": "j", "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(this.catalog.hostedZone());
		Api.Response refused = this.api.post("/api/v1/reports/phishing", body, token);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reporter.kind");
	}

	@Test
	void unknownAndRevokedTokensAreRefused() {
		JsonNode issued = issue("organisation");
		assertThat(this.api.post("/api/v1/reports/phishing", report("c"), "adr_nope").status()).isEqualTo(401);
		assertThat(this.api.delete("/api/v1/reporter-tokens/" + issued.get("id").asLong(), this.admin).status())
			.isEqualTo(204);
		assertThat(this.api.post("/api/v1/reports/phishing", report("d"), issued.get("token").asString()).status())
			.isEqualTo(401);
	}

	@Test
	void aBatchAcceptsOrRejectsEachReportOnItsOwn() {
		String token = issue("automated_feed").get("token").asString();
		String batch = """
				{"reports": [
				  {"type": "phishing", "report": %s},
				  {"type": "phishing", "report": {"urls": ["ftp://nope"], "notify": {"host": "send", "owner": "send"},
				                                  "good_faith": true}},
				  {"type": "no_such_type", "report": {}},
				  {"type": "general", "report": %s}
				]}""".formatted(report("batch-1"), report("batch-2"));
		Api.Response response = this.api.post("/api/v1/reports:batch", batch, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("stored").asInt()).isEqualTo(2);
		assertThat(result.get("rejected").asInt()).isEqualTo(2);
		assertThat(result.at("/results/0/status").asString()).isEqualTo("submitted");
		assertThat(result.at("/results/0/tracking_code").asString()).startsWith("AD-");
		assertThat(result.at("/results/1/status").asString()).isEqualTo("rejected");
		assertThat(result.at("/results/1/errors").valueStream().map((e) -> e.get("field").asString()).toList())
			.contains("reports[1].report.urls[0]", "reports[1].report.justification");
		assertThat(result.at("/results/2/errors/0/field").asString()).isEqualTo("reports[2].type");
		assertThat(result.at("/results/3/status").asString()).isEqualTo("submitted");
		long stored = this.jdbc
			.sql("select count(*) from report where reporter_token_id = (select id from "
					+ "reporter_token where label = :label)")
			.param("label", "flagger " + this.catalog.id())
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(2);
	}

	@Test
	void batchesNeedATokenAndAtMostAThousandReports() {
		assertThat(this.api.post("/api/v1/reports:batch", "{\"reports\": []}", null).status()).isEqualTo(401);
		String token = issue("automated_feed").get("token").asString();
		StringBuilder many = new StringBuilder("{\"reports\": [");
		for (int i = 0; i < 1001; i++) {
			many.append(i == 0 ? "" : ",").append("{\"type\": \"general\", \"report\": {}}");
		}
		Api.Response tooMany = this.api.post("/api/v1/reports:batch", many.append("]}").toString(), token);
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.json().at("/errors/0/code").asString()).isEqualTo("too_many");
	}

}
