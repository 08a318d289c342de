package org.abusedesk.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "The transparency report": its numbers on a seeded history (a month of 2021
 * nothing else in the test run touches), over HTTP in every format; medians and 90th
 * percentiles as {@code percentile_cont} interpolates them.
 */
class TransparencyReportTests extends SeededReportTest {

	@BeforeEach
	void seedTheHistory() {
		TransparencyHistory.march2021(this.jdbc);
	}

	@Test
	void theReportCountsTheSeededHistory() {
		JsonNode sections = sections("/api/v1/transparency/report?from=2021-03-01&to=2021-03-31");

		JsonNode reports = sections.get("reports");
		assertThat(reports.at("/total/0/count").asLong()).isEqualTo(8);
		assertThat(rows(reports.get("by_type"), "type", "count")).containsExactly("dmca=2", "general=1",
				"legal_order=2", "phishing=3");
		assertThat(rows(reports.get("by_channel"), "channel", "count")).containsExactly("api=5", "email=2", "form=1");
		assertThat(rows(reports.get("by_service"), "service", "count")).containsExactly("hosting=6", "proxy=2");
		assertThat(rows(reports.get("by_reporter_kind"), "reporter_kind", "count")).containsExactly("government=2",
				"individual=3", "rights_holder=1", "trusted_flagger=2");
		assertThat(rows(reports.get("by_outcome"), "status", "count")).containsExactly("accepted=5", "denied=3");
		assertThat(rows(reports.get("trusted_flagger_outcomes"), "status", "count")).containsExactly("accepted=1",
				"denied=1");
		assertThat(rows(reports.get("at_risk_outcomes"), "status", "count")).containsExactly("denied=1");
		assertThat(reports.get("legal_orders_by_jurisdiction").toString())
			.isEqualTo("[{\"jurisdiction\":\"DE\",\"count\":1,\"submitted\":0,\"accepted\":1,\"denied\":0},"
					+ "{\"jurisdiction\":\"FR\",\"count\":1,\"submitted\":0,\"accepted\":0,\"denied\":1}]");

		JsonNode actions = sections.get("actions");
		assertThat(actions.at("/total/0/count").asLong()).isEqualTo(3);
		assertThat(rows(actions.get("by_type"), "type", "count")).containsExactly("emergency_block=1", "legal_block=1",
				"phishing_interstitial=1");
		assertThat(rows(actions.get("by_basis"), "decision_ground", "count"))
			.containsExactly("DECISION_GROUND_ILLEGAL_CONTENT=2", "DECISION_GROUND_INCOMPATIBLE_CONTENT=1");
		assertThat(actions.at("/emergency_blocks/0/count").asLong()).isEqualTo(1);

		JsonNode times = sections.get("times");
		assertThat(times.get("to_decision").toString())
			.isEqualTo("[" + "{\"type\":\"dmca\",\"count\":2,\"median_seconds\":200.0,\"p90_seconds\":280.0},"
					+ "{\"type\":\"general\",\"count\":1,\"median_seconds\":5.0,\"p90_seconds\":5.0},"
					+ "{\"type\":\"legal_order\",\"count\":2,\"median_seconds\":30.0,\"p90_seconds\":30.0},"
					+ "{\"type\":\"phishing\",\"count\":3,\"median_seconds\":20.0,\"p90_seconds\":52.0}]");
		assertThat(times.get("to_action").toString())
			.isEqualTo("[" + "{\"type\":\"general\",\"count\":1,\"median_seconds\":600.0,\"p90_seconds\":600.0},"
					+ "{\"type\":\"legal_order\",\"count\":1,\"median_seconds\":7200.0,\"p90_seconds\":7200.0},"
					+ "{\"type\":\"phishing\",\"count\":3,\"median_seconds\":3600.0,\"p90_seconds\":3600.0}]");
	}

	@Test
	void theReportSpeaksMarkdownCsvAndHtml() {
		String period = "/api/v1/transparency/report?from=2021-03-01&to=2021-03-31&format=";
		Api.Response md = this.api.get(period + "md", this.agent);
		assertThat(md.status()).isEqualTo(200);
		assertThat(md.body()).contains("# Transparency report", "## Reports received", "| phishing | 3 |",
				"| phishing | 3 | 20.0 | 52.0 |");
		Api.Response csv = this.api.get(period + "csv", this.agent);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("section,table,key,measure,value\n")
			.contains("\nreports,by_type,phishing,count,3\n", "\ntimes,to_decision,dmca,p90_seconds,280.0\n");
		Api.Response html = this.api.get(period + "html", this.agent);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).startsWith("<!DOCTYPE html>")
			.contains("<td>legal_order</td><td>2</td>")
			.doesNotContain("<script");
	}

	@Test
	void aBadPeriodOrFormatIsAClearError() {
		// without a period: the year up to today
		Api.Response lastYear = this.api.get("/api/v1/transparency/report", this.agent);
		assertThat(lastYear.status()).as(lastYear.body()).isEqualTo(200);
		assertThat(Duration.between(Instant.parse(lastYear.json().get("from").asString()),
				Instant.parse(lastYear.json().get("to").asString())))
			.isEqualTo(Duration.ofDays(365));
		Api.Response notADate = this.api.get("/api/v1/transparency/report?from=March&to=2021-03-31", this.agent);
		assertThat(notADate.status()).isEqualTo(422);
		assertThat(notADate.json().at("/errors/0/code").asString()).isEqualTo("not_a_date");
		Api.Response backwards = this.api.get("/api/v1/transparency/report?from=2021-03-31&to=2021-03-01", this.agent);
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.json().at("/errors/0/code").asString()).isEqualTo("not_after_from");
		Api.Response tooLong = this.api.get("/api/v1/transparency/report?from=2001-01-01&to=2021-03-01", this.agent);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("too_long");
		Api.Response format = this.api.get("/api/v1/transparency/report?from=2021-03-01&to=2021-03-31&format=pdf",
				this.agent);
		assertThat(format.status()).isEqualTo(422);
		assertThat(format.json().at("/errors/0/field").asString()).isEqualTo("format");
		assertThat(this.api.get("/api/v1/transparency/report?from=2021-03-01&to=2021-03-31", null).status())
			.isEqualTo(401);
		String edge = this.tokens.issue("report-edge-" + UUID.randomUUID(), Role.EDGE, "test", null);
		assertThat(this.api.get("/api/v1/transparency/report?from=2021-03-01&to=2021-03-31", edge).status())
			.isEqualTo(403);
	}

}
