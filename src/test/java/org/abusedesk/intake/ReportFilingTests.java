package org.abusedesk.intake;

import java.time.Duration;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReportFilingTests extends IntegrationTest {

	@Autowired
	private ReportFiling filing;

	@Autowired
	private Reports reports;

	@Autowired
	private CatalogImport catalog;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aFeedFilesANetworkAbuseReportByAddressThatOpensACase() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		// 24 random bits in the prefix: no two tests share it; each group starts with a
		// letter so that the canonical form (no leading zeros) is the same text
		String prefix = "2001:db8:a" + id.substring(0, 3) + ":b" + id.substring(3, 6) + "::/64";
		assertThat(this.catalog.apply("""
				{"accounts": [{"ref": "net-%s", "name": "Net", "abuse_contact": "net-%s@customer.example",
				  "at_risk": false, "status": "active",
				  "properties": [{"prefix": "%s", "services": ["hosting"]}]}]}""".formatted(id, id, prefix)).rejected())
			.isEmpty();
		String address = prefix.replace("::/64", "::25");

		ReportReceipt receipt = this.filing.file("mail", "mail_message:" + id, "general", """
				{"reporter": {"name": "Feed", "email": "feed-%s@feeds.example"},
				 "ips": ["%s"], "justification": "SSH brute force from this address.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(id, address),
				ReporterKind.AUTOMATED_FEED);

		assertThat(receipt.status()).isEqualTo("submitted");
		Report report = this.reports.find(receipt.id()).orElseThrow();
		assertThat(report.addresses()).containsExactly(address);
		assertThat(report.urls()).isEmpty();
		assertThat(report.reporter().kind()).isEqualTo(ReporterKind.AUTOMATED_FEED);
		assertThat(report.resolution().property()).isEqualTo(prefix);
		assertThat(this.jdbc.sql("select channel || ' ' || source from report where id = :id")
			.param("id", receipt.id())
			.query(String.class)
			.single()).isEqualTo("mail mail_message:" + id);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from case_report where report_id = :id")
				.param("id", receipt.id())
				.query(Integer.class)
				.single() == 1);
	}

	@Test
	void invalidReportsFromAChannelAreRefusedWithTheirErrors() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.filing.file("mail", "mail_message:0", "general", "{}", ReporterKind.AUTOMATED_FEED))
			.satisfies((ex) -> assertThat(ex.errors()).isNotEmpty());
	}

}
