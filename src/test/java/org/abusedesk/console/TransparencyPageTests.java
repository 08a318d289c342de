package org.abusedesk.console;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.transparency.TransparencyHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, the console page of the transparency report: its charts carry the numbers of
 * the seeded histories (March 2021: reports, actions, times; June 2020: appeals,
 * authorities, referrals), read over HTTP as a signed-in agent; the downloads are the
 * report in every format; a bad period is a message, not an error page.
 */
class TransparencyPageTests extends IntegrationTest {

	private static final String PASSWORD = "a long transparency password";

	private static final String MARCH = "/console/transparency?from=2021-03-01&to=2021-03-31";

	private static final String JUNE = "/console/transparency?from=2020-06-01&to=2020-06-30";

	private static final Pattern BAR = Pattern
		.compile("<g class=\"bar\" data-key=\"([^\"]*)\" data-value=\"([^\"]*)\">");

	private static final Pattern SEGMENT = Pattern
		.compile("class=\"(seg-\\d)\" data-column=\"([^\"]*)\" data-value=\"([^\"]*)\"");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private ConsoleSession agent;

	@BeforeEach
	void signIn() {
		TransparencyHistory.march2021(this.jdbc);
		TransparencyHistory.june2020(this.jdbc);
		String name = "transparency-agent-" + UUID.randomUUID();
		this.accounts.create(name, Role.AGENT, PASSWORD);
		this.agent = new ConsoleSession(this.port).signIn(name, PASSWORD);
	}

	@Test
	void theChartsShowTheReportsActionsAndTimesOfMarch() {
		Api.Response response = this.agent.get(MARCH);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String page = response.body();

		assertThat(bars(page, "reports-total")).containsExactly("all=8");
		assertThat(bars(page, "reports-by_type")).containsExactly("dmca=2", "general=1", "legal_order=2", "phishing=3");
		assertThat(bars(page, "reports-by_service")).containsExactly("hosting=6", "proxy=2");
		assertThat(bars(page, "reports-by_channel")).containsExactly("api=5", "email=2", "form=1");
		assertThat(bars(page, "reports-by_reporter_kind")).containsExactly("government=2", "individual=3",
				"rights_holder=1", "trusted_flagger=2");
		assertThat(bars(page, "reports-trusted_flagger_outcomes")).containsExactly("accepted=1", "denied=1");
		assertThat(bars(page, "reports-at_risk_outcomes")).containsExactly("denied=1");
		// outcomes stacked inside the count
		assertThat(kind(page, "reports-legal_orders_by_jurisdiction")).isEqualTo("stacked");
		assertThat(segments(page, "reports-legal_orders_by_jurisdiction")).containsExactly("DE:accepted=1",
				"FR:denied=1");

		assertThat(bars(page, "actions-by_type")).containsExactly("emergency_block=1", "legal_block=1",
				"phishing_interstitial=1");
		assertThat(bars(page, "actions-by_basis")).containsExactly("DECISION_GROUND_ILLEGAL_CONTENT=2",
				"DECISION_GROUND_INCOMPATIBLE_CONTENT=1");
		assertThat(kind(page, "actions-automation")).isEqualTo("share");
		assertThat(bars(page, "actions-emergency_blocks")).containsExactly("all=1");

		assertThat(kind(page, "times-to_decision")).isEqualTo("times");
		assertThat(segments(page, "times-to_decision")).contains("phishing:p90_seconds=52.0",
				"phishing:median_seconds=20.0", "dmca:p90_seconds=280.0", "dmca:median_seconds=200.0");
		assertThat(figure(page, "times-to_decision")).contains("median 20 s, 90% within 52 s (3)");
		assertThat(figure(page, "times-to_action")).contains("median 1 h, 90% within 1 h (3)",
				"median 2 h, 90% within 2 h (1)");
	}

	@Test
	void theChartsShowAppealsAuthoritiesAndReferralsOfJune() {
		String page = this.agent.get(JUNE).body();

		assertThat(segments(page, "appeals-filed")).containsExactly("customer:removed=2", "customer:misclassified=1",
				"reporter:other=1");
		assertThat(segments(page, "appeals-decided")).containsExactly("customer:upheld=1", "customer:reversed=1",
				"reporter:upheld=1", "reporter:modified=1");
		assertThat(segments(page, "authority_requests-by_country")).containsExactly("DE:accepted=1", "DE:denied=1",
				"FR:accepted=1", "unknown:submitted=1");
		assertThat(segments(page, "authority_requests-at_risk")).containsExactly("at_risk:submitted=1",
				"at_risk:denied=1");
		assertThat(bars(page, "authority_requests-legal_orders_by_country")).containsExactly("DE=2");
		assertThat(bars(page, "appeals-counter_notices")).containsExactly("filed=2", "content_restored=2",
				"action_filed=1");
		assertThat(bars(page, "referrals-emergency_blocks")).containsExactly("all=1");
		assertThat(bars(page, "referrals-ncmec")).containsExactly("made=2", "submitted=2");
	}

	@Test
	void thePageOffersTheReportInEveryFormatForItsPeriod() {
		String page = this.agent.get(MARCH).body();
		for (String format : List.of("md", "json", "csv", "html")) {
			assertThat(page)
				.contains("href=\"/console/transparency/report?from=2021-03-01&amp;to=2021-03-31&amp;format=" + format
						+ "\"");
		}
		Api.Response md = this.agent.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=md");
		assertThat(md.status()).isEqualTo(200);
		assertThat(md.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"transparency-2021-03-01-2021-03-31.md\"");
		assertThat(md.body()).contains("# Transparency report", "| phishing | 3 |");
		Api.Response csv = this.agent.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=csv");
		assertThat(csv.body()).contains("\nreports,by_type,phishing,count,3\n");
		Api.Response json = this.agent.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=json");
		assertThat(json.json().at("/sections/reports/total/0/count").asLong()).isEqualTo(8);
		Api.Response html = this.agent.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=html");
		assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<td>legal_order</td><td>2</td>");
		assertThat(this.agent.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=pdf").status())
			.isEqualTo(400);
	}

	@Test
	void thePageKeepsToTheContentSecurityPolicy() {
		Api.Response response = this.agent.get(MARCH);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'none'", "style-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(response.body()).doesNotContain("style=", "<style", "onclick", "<script>")
			.contains("<svg", "id=\"transparency-link\"");
		assertThat(this.agent.get("/console").body()).contains("href=\"/console/transparency\"");
	}

	@Test
	void aBadPeriodIsAMessageOnThePage() {
		Api.Response notADate = this.agent.get("/console/transparency?from=March&to=2021-03-31");
		assertThat(notADate.status()).isEqualTo(200);
		assertThat(notADate.body()).contains("from is not a date (YYYY-MM-DD) or an ISO instant: March");
		Api.Response backwards = this.agent.get("/console/transparency?from=2021-03-31&to=2021-03-01");
		assertThat(backwards.body()).contains("The period must end after it starts.");
		Api.Response tooLong = this.agent.get("/console/transparency?from=2001-01-01&to=2021-03-01");
		assertThat(tooLong.body()).contains("The period is longer than ten years.");
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		ConsoleSession stranger = new ConsoleSession(this.port);
		Api.Response page = stranger.get(MARCH);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(stranger.get("/console/transparency/report?from=2021-03-01&to=2021-03-31&format=md").status())
			.isEqualTo(302);
	}

	private static String figure(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("chart " + id).isPositive();
		return page.substring(start, page.indexOf("</figure>", start));
	}

	private static String kind(String page, String id) {
		Matcher matcher = Pattern.compile("data-kind=\"([a-z]+)\"").matcher(figure(page, id));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/** Each bar as {@code key=value}. */
	private static List<String> bars(String page, String id) {
		List<String> bars = new ArrayList<>();
		Matcher matcher = BAR.matcher(figure(page, id));
		while (matcher.find()) {
			bars.add(matcher.group(1) + "=" + matcher.group(2));
		}
		return bars;
	}

	/** Each drawn segment as {@code key:column=value}. */
	private static List<String> segments(String page, String id) {
		List<String> segments = new ArrayList<>();
		String figure = figure(page, id);
		Matcher bar = BAR.matcher(figure);
		List<int[]> starts = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		while (bar.find()) {
			starts.add(new int[] { bar.start() });
			keys.add(bar.group(1));
		}
		for (int i = 0; i < keys.size(); i++) {
			int end = (i + 1 < keys.size()) ? starts.get(i + 1)[0] : figure.length();
			Matcher segment = SEGMENT.matcher(figure.substring(starts.get(i)[0], end));
			while (segment.find()) {
				segments.add(keys.get(i) + ":" + segment.group(2) + "=" + segment.group(3));
			}
		}
		return segments;
	}

}
