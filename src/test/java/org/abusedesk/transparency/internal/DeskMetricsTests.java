package org.abusedesk.transparency.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.access.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, "Metrics an operator alerts on": what the desk does shows at
 * {@code /actuator/prometheus} (admin token): reports received by type and channel,
 * decisions by rule, open and overdue cases by status, the outbox's backlog and its
 * oldest message, mitigations in force by type, statements of reasons by status.
 */
class DeskMetricsTests extends EdgeDeskTest {

	@Autowired
	private DeskMetrics metrics;

	@Test
	void theDesksFiguresShowInPrometheus() {
		this.metrics.refresh();
		String before = prometheus();
		double phishingBefore = value(before, "abusedesk_reports_received_total", "channel=\"api\",type=\"phishing\"");
		double decisionsBefore = sum(before, "abusedesk_decisions_total");
		double interstitialsBefore = value(before, "abusedesk_mitigations_active", "type=\"phishing_interstitial\"");

		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long openCase = fileAndAwaitCase("general", phishing(host, "/spam.html"));
		// its due time has passed
		this.jdbc.sql("update abuse_case set due_at = now() - interval '1 hour' where id = :id")
			.param("id", openCase)
			.update();
		String status = caseStatus(openCase);
		// the interstitial's statement of reasons, made by the scan, waits: no database
		// is
		// configured
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from statement_of_reasons where case_id = :case")
				.param("case", phishingCase)
				.query(Integer.class)
				.single() == 1);
		this.metrics.refresh();
		String after = prometheus();

		assertThat(value(after, "abusedesk_reports_received_total", "channel=\"api\",type=\"phishing\""))
			.isEqualTo(phishingBefore + 1);
		assertThat(sum(after, "abusedesk_decisions_total")).isGreaterThanOrEqualTo(decisionsBefore + 2);
		assertThat(value(after, "abusedesk_mitigations_active", "type=\"phishing_interstitial\""))
			.isEqualTo(interstitialsBefore + 1);
		assertThat(value(after, "abusedesk_cases_open", "status=\"" + status + "\"")).isGreaterThanOrEqualTo(1);
		assertThat(value(after, "abusedesk_cases_overdue", "status=\"" + status + "\"")).isGreaterThanOrEqualTo(1);
		assertThat(after).contains("abusedesk_outbox_oldest_age_seconds ");
		assertThat(value(after, "abusedesk_statements", "status=\"waiting\"")).isGreaterThanOrEqualTo(1);

		assertThat(this.api.get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus", staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
	}

	private String prometheus() {
		Api.Response response = this.api.get("/actuator/prometheus", this.admin);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** The value of the metric with exactly these labels, 0 when there is none. */
	private static double value(String text, String name, String labels) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$").matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static double sum(String text, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(text);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

}
