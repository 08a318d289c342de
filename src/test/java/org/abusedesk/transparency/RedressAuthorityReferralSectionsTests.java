package org.abusedesk.transparency;

import java.util.List;

import org.abusedesk.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sections the modules that own the data add to the transparency report: appeals,
 * counter-notices and strikes ({@code appeals}), requests from authorities
 * ({@code campaigns}), referrals and campaigns ({@code referrals}). Their numbers on a
 * seeded history in June 2020 (nothing else in the test run touches it), with rows just
 * outside the period that must not count, over HTTP in every format.
 */
class RedressAuthorityReferralSectionsTests extends SeededReportTest {

	private static final String PERIOD = "/api/v1/transparency/report?from=2020-06-01&to=2020-06-30";

	@BeforeEach
	void seedTheHistory() {
		TransparencyHistory.june2020(this.jdbc);
	}

	@Test
	void theAppealsSectionCountsAppealsCounterNoticesAndStrikes() {
		JsonNode appeals = sections(PERIOD).get("appeals");
		assertThat(appeals.get("filed").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":3,\"removed\":2,\"misclassified\":1,\"other\":0},"
					+ "{\"party\":\"reporter\",\"count\":1,\"removed\":0,\"misclassified\":0,\"other\":1}]");
		assertThat(appeals.get("decided").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":2,\"upheld\":1,\"reversed\":1,\"modified\":0},"
					+ "{\"party\":\"reporter\",\"count\":2,\"upheld\":1,\"reversed\":0,\"modified\":1}]");
		// customer: 100 s and 300 s; reporter: 1000 s and 9 days 1 h 40 s (filed in May)
		assertThat(appeals.get("time_to_decide").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":2,\"median_seconds\":200.0,\"p90_seconds\":280.0},"
					+ "{\"party\":\"reporter\",\"count\":2,\"median_seconds\":391120.0,\"p90_seconds\":703216.0},"
					+ "{\"party\":\"all\",\"count\":4,\"median_seconds\":650.0,\"p90_seconds\":547168.0}]");
		assertThat(rows(appeals.get("counter_notices"), "counter_notices")).containsExactly("filed=2",
				"content_restored=2", "action_filed=1");
		assertThat(rows(appeals.get("strikes"), "party")).containsExactly("customer=2", "reporter=1");
		assertThat(rows(appeals.get("reporter_suspensions"), "reporter_suspensions")).containsExactly("all=1");
	}

	@Test
	void theAuthorityRequestsSectionCountsRequestsByCountryWithOutcomes() {
		JsonNode requests = sections(PERIOD).get("authority_requests");
		assertThat(requests.get("by_country").toString())
			.isEqualTo("[" + "{\"country\":\"DE\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1},"
					+ "{\"country\":\"FR\",\"count\":1,\"submitted\":0,\"accepted\":1,\"denied\":0},"
					+ "{\"country\":\"unknown\",\"count\":1,\"submitted\":1,\"accepted\":0,\"denied\":0}]");
		assertThat(requests.get("by_reporter_kind").toString()).isEqualTo("["
				+ "{\"reporter_kind\":\"government\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1},"
				+ "{\"reporter_kind\":\"law_enforcement\",\"count\":2,\"submitted\":1,\"accepted\":1,\"denied\":0}]");
		assertThat(requests.get("at_risk").toString())
			.isEqualTo("[{\"requests\":\"at_risk\",\"count\":2,\"submitted\":1,\"accepted\":0,\"denied\":1}]");
		assertThat(requests.get("citing_policy").toString())
			.isEqualTo("[{\"requests\":\"cites_policy\",\"count\":1,\"submitted\":0,\"accepted\":0,\"denied\":1}]");
		assertThat(requests.get("legal_orders_by_country").toString())
			.isEqualTo("[{\"country\":\"DE\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1}]");
	}

	@Test
	void theReferralsSectionCountsReferralsEmergencyBlocksAndCampaigns() {
		JsonNode referrals = sections(PERIOD).get("referrals");
		assertThat(rows(referrals.get("ncmec"), "ncmec_reports")).containsExactly("made=2", "submitted=2");
		assertThat(referrals.get("law_enforcement_by_country").toString())
			.isEqualTo("[{\"country\":\"DE\",\"count\":2,\"queued\":1,\"submitted\":1,\"failed\":0},"
					+ "{\"country\":\"unknown\",\"count\":1,\"queued\":0,\"submitted\":1,\"failed\":0}]");
		assertThat(rows(referrals.get("emergency_blocks"), "emergency_blocks")).containsExactly("all=1");
		assertThat(rows(referrals.get("campaigns"), "campaigns")).containsExactly("flagged=2", "reports_in_flagged=55");
	}

	@Test
	void theNewSectionsRenderInEveryFormat() {
		Api.Response md = this.api.get(PERIOD + "&format=md", this.agent);
		assertThat(md.status()).as(md.body()).isEqualTo(200);
		assertThat(md.body()).contains("## Appeals, counter-notices and strikes", "| customer | 3 | 2 | 1 | 0 |",
				"## Requests from authorities", "| DE | 2 | 0 | 1 | 1 |", "## Referrals and campaigns",
				"| flagged | 2 |");
		Api.Response csv = this.api.get(PERIOD + "&format=csv", this.agent);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("\nappeals,decided,customer,reversed,1\n",
				"\nappeals,time_to_decide,all,median_seconds,650.0\n", "\nauthority_requests,by_country,DE,denied,1\n",
				"\nreferrals,law_enforcement_by_country,unknown,submitted,1\n", "\nreferrals,ncmec,made,count,2\n");
		Api.Response html = this.api.get(PERIOD + "&format=html", this.agent);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body())
			.contains("<h2>Appeals, counter-notices and strikes</h2>",
					"<td>reporter</td><td>2</td><td>1</td><td>0</td><td>1</td>", "<h2>Requests from authorities</h2>",
					"<td>at_risk</td><td>2</td>", "<h2>Referrals and campaigns</h2>",
					"<td>reports_in_flagged</td><td>55</td>")
			.doesNotContain("<script");
	}

	@Test
	void anEmptyPeriodStillRendersTheNewSections() {
		for (String format : List.of("json", "md", "csv", "html")) {
			Api.Response response = this.api
				.get("/api/v1/transparency/report?from=2019-02-01&to=2019-02-02&format=" + format, this.agent);
			assertThat(response.status()).as(format + ": " + response.body()).isEqualTo(200);
		}
		JsonNode sections = this.api.get("/api/v1/transparency/report?from=2019-02-01&to=2019-02-02", this.agent)
			.json()
			.get("sections");
		assertThat(sections.at("/appeals/time_to_decide").toString())
			.isEqualTo("[{\"party\":\"all\",\"count\":0,\"median_seconds\":null,\"p90_seconds\":null}]");
		assertThat(sections.at("/authority_requests/by_country").toString()).isEqualTo("[]");
		assertThat(rows(sections.get("referrals").get("ncmec"), "ncmec_reports")).containsExactly("made=0",
				"submitted=0");
	}

}
