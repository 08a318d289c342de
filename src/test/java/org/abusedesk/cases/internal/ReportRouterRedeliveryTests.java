package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.intake.ReportReceived;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a crash the event publication registry delivers {@link ReportReceived} again; a
 * report already decided must not be decided, attached or forwarded twice.
 */
class ReportRouterRedeliveryTests extends IntegrationTest {

	@Autowired
	private CatalogImport catalog;

	@Autowired
	private ReportRouter router;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRedeliveredReportChangesNothing() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String zone = "redeliver-" + id + ".example";
		assertThat(this.catalog
			.apply("""
					{"accounts": [{"ref": "redeliver-%s", "name": "Redeliver", "abuse_contact": "o-%s@customer.example",
					  "at_risk": false, "status": "active",
					  "properties": [{"zone": "%s", "services": ["proxy"],
					    "origin": {"address": "203.0.113.9", "host_name": "Host", "host_abuse_contact": "h-%s@host.example"}}]}]}
					"""
				.formatted(id, id, zone, id))
			.rejected()).isEmpty();
		var response = new org.abusedesk.Api(this.port).post("/api/v1/reports/general", """
				{"reporter": {"name": "R", "email": "r-%s@reporter.example", "kind": "individual"},
				 "urls": ["https://%s/x"], "justification": "Spam.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(id, zone), null);
		long reportId = response.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows(reportId) == 4);

		this.router.on(new ReportReceived(reportId));
		this.router.on(new ReportReceived(reportId));

		// receipt, forward to host, notice to owner, notice to reporter
		assertThat(outboxRows(reportId)).isEqualTo(4);
		assertThat(count("select count(*) from decision where report_id = :id", reportId)).isEqualTo(1);
		assertThat(count("select count(*) from case_report where report_id = :id", reportId)).isEqualTo(1);
	}

	private int outboxRows(long reportId) {
		return count("select count(*) from outbox_message where report_id = :id", reportId);
	}

	private int count(String sql, long reportId) {
		return this.jdbc.sql(sql).param("id", reportId).query(Integer.class).single();
	}

}
