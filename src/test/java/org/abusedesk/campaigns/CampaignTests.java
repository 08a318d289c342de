package org.abusedesk.campaigns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.ConsoleSession;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "a desk that cannot be turned into a weapon": a campaign of near-identical
 * reports from fifty addresses against the at-risk demo customer behind the proxy is one
 * flagged case that a person looks at, with nothing automatic done and at most one
 * message to the host and to the owner, while a trusted flagger's own report still gets
 * through.
 */
class CampaignTests extends DeskTest {

	private static final String[] NAMES = { "Alex", "Sam", "Kim", "Jo", "Lou" };

	/** The demo catalog's at-risk customer (demo-catalog.json): a proxied NGO. */
	private static final String DEMO_ZONE = "ngo.example";

	private static final String DEMO_OWNER = "owner@ngo.example";

	private static final String DEMO_HOST = "abuse@origin-host.example";

	@Autowired
	private Campaigns campaigns;

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private AuditLog audit;

	@Autowired
	private StaffAccounts accounts;

	@BeforeEach
	void theDemoCatalogIsLoaded() throws Exception {
		String demo = new String(getClass().getResourceAsStream("/demo-catalog.json").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(this.api.put("/api/v1/catalog", demo, this.admin).status()).isEqualTo(200);
	}

	@Test
	void fiftyNearIdenticalReportsFromFiftyAddressesAgainstTheAtRiskDemoCustomerAreOneFlaggedCaseAndATrustedFlaggerStillGetsThrough() {
		// the demo catalog's at-risk customer, behind the proxy
		String host = "news." + DEMO_ZONE;
		List<Long> reports = new ArrayList<>();
		long caseId = 0;
		for (int i = 0; i < 50; i++) {
			// the same text with a name and a number changed, as a campaign's template
			// gives it, each from an address of its own
			String justification = "This site run by " + NAMES[i % NAMES.length]
					+ " spreads terrorist propaganda and lies about our government, it violates your acceptable use "
					+ "policy and must be taken down immediately, reference " + (1000 + i) + ".";
			Api.Response filed = this.api.postFrom("127.0.0." + (2 + i), "/api/v1/reports/general", body(host,
					"/article/" + (i % 3), "citizen-" + i + "-" + this.catalog.id() + "@mail.example", justification),
					null);
			assertThat(filed.status()).as(filed.body()).isEqualTo(201);
			reports.add(filed.json().get("id").asLong());
			long reportCase = caseOf(reports.get(i));
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

		// at most one message each to the host and the owner about the campaign: what
		// the outbox holds for its reports
		assertThat(queued(reports, "forward_to_host")).isLessThanOrEqualTo(1);
		assertThat(queued(reports, "notify_owner")).isLessThanOrEqualTo(1);

		// a trusted flagger's genuine report about the same site still gets through
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "flagger %1$s", "reporter_kind": "trusted_flagger", "name": "Flagger",
				 "email": "flagger-%1$s@flaggers.example"}""".formatted(this.catalog.id()), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		Api.Response filed = this.api.post("/api/v1/reports/general", """
				{"urls": ["https://%s/article/real-malware.exe"],
				 "justification": "The download on this page is a banking trojan; our sandbox report 8812 shows it \
				stealing credentials.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(host),
				issued.json().get("token").asString());
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		long trusted = filed.json().get("id").asLong();
		String trustedCode = filed.json().get("tracking_code").asString();
		assertThat(caseOf(trusted)).isEqualTo(flaggedCase);
		assertThat(queued(List.of(trusted), "forward_to_host")).isEqualTo(1);
		assertThat(queued(List.of(trusted), "notify_owner")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> messagesTo(DEMO_OWNER).stream().anyMatch((message) -> body(message).contains(trustedCode))
					&& messagesTo(DEMO_HOST).stream().anyMatch((message) -> body(message).contains(trustedCode)));

		// and what arrived: at most one message each about the campaign
		assertThat(messagesTo(DEMO_OWNER).stream().filter((message) -> !body(message).contains(trustedCode)))
			.hasSizeLessThanOrEqualTo(1);
		assertThat(messagesTo(DEMO_HOST).stream().filter((message) -> !body(message).contains(trustedCode)))
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
			.get("/console/accounts/demo-ngo");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-case=\"" + flaggedCase + "\"");
	}

	private static String body(String host, String path, String email, String justification) {
		return """
				{"reporter": {"name": "Citizen", "email": "%s", "kind": "individual"},
				 "urls": ["https://%s%s"],
				 "justification": "%s",
				 "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(email, host, path, justification);
	}

	/** The messages of {@code kind} the outbox holds for the reports. */
	private int queued(List<Long> reportIds, String kind) {
		return this.jdbc.sql("select count(*) from outbox_message where report_id = any(:ids) and kind = :kind")
			.param("ids", reportIds.toArray(Long[]::new))
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

}
