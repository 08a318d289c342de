package org.abusedesk.cases;

import org.abusedesk.TestCatalog;
import java.time.Duration;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.identity.StaffTokens;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Case work through its API: senior plans, denials, merges, and how evidence is served.
 */
class CaseWorkTests extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CaseWork work;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TestCatalog catalog;

	private String admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.catalog = TestCatalog.unique();
		this.admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
	}

	@Test
	void aSeniorPlanWaitsForASeniorWhoIsNotTheProposer() {
		// the hosting customer is at risk: the policy asks for a senior
		String document = this.catalog.document()
			.replaceFirst("(\"ref\": \"hosting-[^\"]+\"[^}]*?\"at_risk\": )false", "$1true");
		assertThat(this.api.put("/api/v1/catalog", document, this.admin).status()).isEqualTo(200);
		long caseId = fileCase("blog." + this.catalog.hostedZone(), "");
		Actor proposer = actor("senior-a", Role.SENIOR);

		assertThat(this.work.accept(caseId, proposer).status()).isEqualTo("awaiting_approval");
		assertThatThrownBy(() -> this.work.answer(caseId, proposer, true, null)).isInstanceOf(CaseWorkException.class)
			.hasMessageContaining("cannot approve");
		assertThatThrownBy(() -> this.work.answer(caseId, actor("reviewer", Role.REVIEWER), true, null))
			.isInstanceOf(CaseWorkException.class)
			.satisfies((ex) -> assertThat(((CaseWorkException) ex).kind()).isEqualTo(CaseWorkException.Kind.FORBIDDEN));
		assertThatThrownBy(() -> this.work.answer(caseId, actor("senior-b", Role.SENIOR), false, " "))
			.hasMessageContaining("reason");

		CaseWork.Outcome approved = this.work.answer(caseId, actor("senior-b", Role.SENIOR), true, "Checked.");
		assertThat(approved.status()).isIn("actioned", "closed");
		assertThat(this.audit.entries("case:" + caseId).stream().map(AuditLog.Entry::action))
			.contains("case.plan_accepted", "case.plan_approved", "case.plan_applied");
	}

	@Test
	void aRefusalReturnsTheCaseToReviewWithItsReason() {
		assertThat(this.api.put("/api/v1/catalog", this.catalog.document(), this.admin).status()).isEqualTo(200);
		long caseId = fileCase("blog." + this.catalog.hostedZone(), "");
		Actor proposer = actor("reviewer-a", Role.REVIEWER);
		this.work.claim(caseId, proposer);
		CaseWork.Outcome proposed = this.work.change(caseId, proposer,
				this.work.view(caseId, proposer)
					.orElseThrow()
					.plan()
					.mitigations()
					.stream()
					.map((m) -> new org.abusedesk.policy.ProposedMitigation(m.type(), m.entityType(),
							m.territorialScope(), Duration.ZERO, m.expiresAfter(), m.reviewAfter()))
					.toList(),
				"Act now");
		assertThat(proposed.status()).isEqualTo("awaiting_approval");
		assertThat(this.work.answer(caseId, actor("reviewer-b", Role.REVIEWER), false, "Not convinced.").status())
			.isEqualTo("in_review");
		assertThat(this.audit.entries("case:" + caseId))
			.anySatisfy((entry) -> assertThat(entry.details()).contains("Not convinced."));
	}

	@Test
	void denyingRejectsTheCaseAndMergingMovesItsReports() {
		assertThat(this.api.put("/api/v1/catalog", this.catalog.document(), this.admin).status()).isEqualTo(200);
		long first = fileCase("blog." + this.catalog.hostedZone(), "");
		long second = fileCase("shop." + this.catalog.proxiedZone(), "");
		Actor reviewer = actor("reviewer", Role.REVIEWER);

		this.work.merge(second, first, reviewer);
		assertThat(status(second)).isEqualTo("closed");
		assertThat(this.jdbc.sql("select count(*) from case_report where case_id = :id")
			.param("id", first)
			.query(Integer.class)
			.single()).isEqualTo(2);

		this.work.deny(first, reviewer, DenialReason.NO_ABUSE_FOUND, "Looked twice.");
		assertThat(status(first)).isEqualTo("rejected");
		assertThat(this.audit.entries("case:" + first)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("case.denied");
			assertThat(entry.details()).contains("no_abuse_found");
		});
		assertThat(this.jdbc
			.sql("select distinct status || ' ' || denial_reason from report r "
					+ "join case_report c on c.report_id = r.id where c.case_id = :id")
			.param("id", first)
			.query(String.class)
			.list()).containsExactly("denied no_abuse_found");
		// the reporter hears the outcome, the reason and how to seek redress (Art. 16(5))
		// (one notice per report: the merged case holds two from this reporter)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messagesTo(this.catalog.reporter(), "Decision on your report").size() == 2);
		assertThat(messagesTo(this.catalog.reporter(), "Decision on your report"))
			.allSatisfy((message) -> assertThat(body(message)).contains("no_abuse_found")
				.contains("A person reviewed your report")
				.contains("six months"));
		assertThatThrownBy(() -> this.work.accept(first, reviewer)).hasMessageContaining("rejected");
		assertThatThrownBy(() -> this.work.deny(first, actor("agent", Role.AGENT), DenialReason.NOT_OURS, null))
			.satisfies((ex) -> assertThat(((CaseWorkException) ex).kind()).isEqualTo(CaseWorkException.Kind.FORBIDDEN));
	}

	@Test
	void aBulkForwardSendsEachReportToTheOwnerAsTheReporterChose() throws Exception {
		assertThat(this.api.put("/api/v1/catalog", this.catalog.document(), this.admin).status()).isEqualTo(200);
		long caseId = fileCase("blog." + this.catalog.hostedZone(), "");
		Actor reviewer = actor("reviewer-fwd", Role.REVIEWER);

		assertThat(this.work.bulk(CaseWork.BulkAction.FORWARD, java.util.List.of(caseId), reviewer, null))
			.singleElement()
			.satisfies((result) -> assertThat(result.done()).isTrue());

		assertThat(status(caseId)).isEqualTo("forwarded");
		String notice = body(awaitMessageTo(this.catalog.hoster(), "Abuse report"));
		assertThat(notice).contains("blog." + this.catalog.hostedZone()).contains(this.catalog.reporter());
		// forwarding again sends nothing new: the idempotency key is the same
		this.work.bulk(CaseWork.BulkAction.FORWARD, java.util.List.of(caseId), reviewer, null);
		assertThat(messagesTo(this.catalog.hoster(), "Abuse report")).hasSize(1);
	}

	@Test
	void evidenceIsInlineOnlyForImagesAndAlwaysSandboxed() {
		assertThat(this.api.put("/api/v1/catalog", this.catalog.document(), this.admin).status()).isEqualTo(200);
		long caseId = fileCase("blog." + this.catalog.hostedZone(), "");
		long reportId = this.jdbc.sql("select report_id from case_report where case_id = :id")
			.param("id", caseId)
			.query(Long.class)
			.single();
		long html = evidence(reportId, "page.html", "text/html", "<script>alert(1)</script>".getBytes());
		long png = evidence(reportId, "shot.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String agent = "agent-" + this.catalog.id();
		this.accounts.create(agent, Role.AGENT, "a long test password");
		ConsoleSession session = new ConsoleSession(this.port).signIn(agent, "a long test password");

		Api.Response file = session.get("/console/evidence/" + html);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(file.headers().allValues("Content-Security-Policy")).contains("sandbox");

		Api.Response image = session.get("/console/evidence/" + png);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(image.headers().allValues("Content-Security-Policy")).contains("sandbox");

		Api.Response page = session.get("/console/cases/" + caseId);
		assertThat(page.body()).contains("class=\"evidence-image\"").contains("/console/evidence/" + png);
	}

	private long evidence(long reportId, String filename, String type, byte[] content) {
		return this.jdbc.sql("""
				insert into evidence (report_id, filename, detected_type, size, sha256, content)
				values (:report, :name, :type, :size, 'test', :content) returning id""")
			.params(Map.of("report", reportId, "name", filename, "type", type, "size", content.length, "content",
					content))
			.query(Long.class)
			.single();
	}

	private Actor actor(String name, Role role) {
		return new Actor(name + "-" + this.catalog.id(), role);
	}

	private String status(long caseId) {
		return this.jdbc.sql("select status from abuse_case where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	private long fileCase(String host, String suffix) {
		Api.Response created = this.api.post("/api/v1/reports/general",
				this.catalog.report(host, "send", "send", suffix), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String code = created.json().get("tracking_code").asString();
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("""
					select cr.case_id from case_report cr join report r on r.id = cr.report_id
					where r.tracking_code = :code""").param("code", code).query(Long.class).optional().orElse(null),
					(id) -> id != null);
	}

}
