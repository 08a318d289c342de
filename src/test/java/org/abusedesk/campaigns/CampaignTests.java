package org.abusedesk.campaigns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.actions.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.flow.DeskTest;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "a desk that cannot be turned into a weapon": a campaign of near-identical
 * reports from many addresses against an at-risk customer behind the proxy is one flagged
 * case that a person looks at, with nothing automatic done and at most one message to the
 * host and to the owner, while a trusted flagger's own report still gets through.
 */
class CampaignTests extends DeskTest {

	private static final String[] NAMES = { "Alex", "Sam", "Kim", "Jo", "Lou" };

	@Autowired
	private ReportFiling filing;

	@Autowired
	private Campaigns campaigns;

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private AuditLog audit;

	@Autowired
	private StaffAccounts accounts;

	@BeforeEach
	void theProxiedCustomerIsAtRisk() {
		String document = this.catalog.document().replaceFirst("\"at_risk\": false", "\"at_risk\": true");
		assertThat(this.api.put("/api/v1/catalog", document, this.admin).status()).isEqualTo(200);
	}

	@Test
	void fiftyNearIdenticalReportsAgainstAnAtRiskCustomerAreOneFlaggedCaseAndATrustedFlaggerStillGetsThrough() {
		String host = "news." + this.catalog.proxiedZone();
		long caseId = 0;
		for (int i = 0; i < 50; i++) {
			// the same text with a name and a number changed, as a campaign's template
			// gives it
			String justification = "This site run by " + NAMES[i % NAMES.length]
					+ " spreads terrorist propaganda and lies about our government, it violates your acceptable use "
					+ "policy and must be taken down immediately, reference " + (1000 + i) + ".";
			ReportReceipt receipt = file(host, "/article/" + (i % 3),
					"citizen-" + i + "-" + this.catalog.id() + "@mail.example", justification, null);
			long reportCase = caseOf(receipt.id());
			assertThat(caseId == 0 || caseId == reportCase).as("one case").isTrue();
			caseId = reportCase;
		}
		long flaggedCase = caseId;

		// one case, flagged with its evidence, waiting for a person
		assertThat(this.campaigns.ofCase(flaggedCase)).hasValueSatisfying((evidence) -> {
			assertThat(evidence.reporters()).isGreaterThanOrEqualTo(3);
			assertThat(evidence.nearIdentical()).isGreaterThanOrEqualTo(3);
			assertThat(evidence.similarity()).isGreaterThan(0.5);
		});
		assertThat(this.audit.entries("case:" + flaggedCase)).extracting(AuditLog.Entry::action)
			.containsOnlyOnce("case.campaign_flagged");
		assertThat(this.jdbc.sql("select status from abuse_case where id = :id")
			.param("id", flaggedCase)
			.query(String.class)
			.single()).isNotIn("forwarded", "actioned");
		assertThat(this.mitigations.ofCase(flaggedCase)).isEmpty();

		// a trusted flagger's genuine report about the same site still gets through
		ReportReceipt trusted = file(host, "/article/real-malware.exe", "flagger-" + this.catalog.id() + "@ngo.example",
				"The download on this page is a banking trojan; our sandbox report 8812 shows it stealing "
						+ "credentials.",
				ReporterKind.TRUSTED_FLAGGER);
		assertThat(caseOf(trusted.id())).isEqualTo(flaggedCase);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> messagesTo(this.catalog.owner()).stream()
				.anyMatch((message) -> body(message).contains(trusted.trackingCode())));

		// at most one message each to the host and the owner about the campaign
		List<String> toOwner = messagesTo(this.catalog.owner()).stream().map((message) -> body(message)).toList();
		List<String> toHost = messagesTo(this.catalog.originHost()).stream().map((message) -> body(message)).toList();
		assertThat(toOwner.stream().filter((text) -> !text.contains(trusted.trackingCode())))
			.hasSizeLessThanOrEqualTo(1);
		assertThat(toHost.stream().filter((text) -> !text.contains(trusted.trackingCode())))
			.hasSizeLessThanOrEqualTo(1);
		assertThat(this.mitigations.ofCase(flaggedCase)).isEmpty();

		// the transparency report counts the campaign (other tests may flag some the same
		// day)
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Api.Response report = this.api.get("/api/v1/transparency/report?from=" + today + "&to=" + today, this.admin);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().at("/sections/referrals/campaigns/0/campaigns").asString()).isEqualTo("flagged");
		assertThat(report.json().at("/sections/referrals/campaigns/0/count").asLong()).isPositive();
		assertThat(report.json().at("/sections/referrals/campaigns/1/count").asLong()).isGreaterThanOrEqualTo(3);

		// and a senior sees it on the account's page, with its evidence
		this.accounts.create("senior-" + this.catalog.id(), Role.SENIOR, "a long test password");
		Api.Response page = new ConsoleSession(this.port).signIn("senior-" + this.catalog.id(), "a long test password")
			.get("/console/accounts/proxy-" + this.catalog.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-case=\"" + flaggedCase + "\"");
	}

	private ReportReceipt file(String host, String path, String email, String justification, ReporterKind kind) {
		String json = """
				{"reporter": {"name": "Citizen", "email": "%s"%s},
				 "urls": ["https://%s%s"],
				 "justification": "%s",
				 "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(email, (kind == null) ? ", \"kind\": \"individual\"" : "", host, path,
				justification);
		return this.filing.file("mail", "test:" + email, "general", json, kind);
	}

}
