package org.abusedesk.cases;

import java.time.Duration;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Case work through its API: senior plans, denials, merges, and how evidence is served.
 */
class CaseWorkTests extends EdgeDeskTest {

	@Autowired
	private StaffAccounts accounts;

	@Test
	void aSeniorPlanWaitsForASeniorWhoIsNotTheProposer() {
		// the hosting customer is at risk: the policy asks for a senior
		String document = this.catalog.document()
			.replaceFirst("(\"ref\": \"hosting-[^\"]+\"[^}]*?\"at_risk\": )false", "$1true");
		assertThat(this.api.put("/api/v1/catalog", document, this.admin).status()).isEqualTo(200);
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		Actor proposer = actor("senior-a", Role.SENIOR);

		assertThat(this.work.accept(caseId, proposer).status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
		assertThatThrownBy(() -> this.work.answer(caseId, proposer, true, null)).isInstanceOf(CaseWorkException.class)
			.hasMessageContaining("cannot approve");
		assertThatThrownBy(() -> this.work.answer(caseId, actor("reviewer", Role.REVIEWER), true, null))
			.isInstanceOf(CaseWorkException.class)
			.satisfies((ex) -> assertThat(((CaseWorkException) ex).kind()).isEqualTo(CaseWorkException.Kind.FORBIDDEN));
		assertThatThrownBy(() -> this.work.answer(caseId, actor("senior-b", Role.SENIOR), false, " "))
			.hasMessageContaining("reason");

		CaseWork.Outcome approved = this.work.answer(caseId, actor("senior-b", Role.SENIOR), true, "Checked.");
		assertThat(approved.status()).isIn(CaseStatus.ACTIONED, CaseStatus.CLOSED);
		assertThat(this.audit.entries("case:" + caseId).stream().map(AuditLog.Entry::action))
			.contains("case.plan_accepted", "case.plan_approved", "case.plan_applied");
	}

	@Test
	void aRefusalReturnsTheCaseToReviewWithItsReason() {
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
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
		assertThat(proposed.status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
		assertThat(this.work.answer(caseId, actor("reviewer-b", Role.REVIEWER), false, "Not convinced.").status())
			.isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(this.audit.entries("case:" + caseId))
			.anySatisfy((entry) -> assertThat(entry.details()).contains("Not convinced."));
	}

	@Test
	void denyingRejectsTheCaseAndMergingMovesItsReports() {
		long first = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		long second = caseOfGeneralReport("shop." + this.catalog.proxiedZone(), "send");
		Actor reviewer = actor("reviewer", Role.REVIEWER);

		this.work.merge(second, first, reviewer);
		assertThat(caseStatus(second)).isEqualTo("closed");
		assertThat(queryOne(Integer.class, "select count(*) from case_report where case_id = ?", first)).isEqualTo(2);

		this.work.deny(first, reviewer, DenialReason.NO_ABUSE_FOUND, "Looked twice.");
		assertThat(caseStatus(first)).isEqualTo("rejected");
		assertThat(this.audit.entries("case:" + first)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("case.denied");
			assertThat(entry.details()).contains("no_abuse_found");
		});
		assertThat(queryList(String.class,
				"select distinct status || ' ' || denial_reason from report r "
						+ "join case_report c on c.report_id = r.id where c.case_id = ?",
				first))
			.containsExactly("denied no_abuse_found");
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
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		Actor reviewer = actor("reviewer-fwd", Role.REVIEWER);

		assertThat(this.work.bulk(CaseWork.BulkAction.FORWARD, java.util.List.of(caseId), reviewer, null))
			.singleElement()
			.satisfies((result) -> assertThat(result.done()).isTrue());

		assertThat(caseStatus(caseId)).isEqualTo("forwarded");
		String notice = body(awaitMessageTo(this.catalog.hoster(), "Abuse report"));
		assertThat(notice).contains("blog." + this.catalog.hostedZone()).contains(this.catalog.reporter());
		// forwarding again sends nothing new: the idempotency key is the same
		this.work.bulk(CaseWork.BulkAction.FORWARD, java.util.List.of(caseId), reviewer, null);
		assertThat(messagesTo(this.catalog.hoster(), "Abuse report")).hasSize(1);
	}

	@Test
	void evidenceIsInlineOnlyForImagesAndAlwaysSandboxed() {
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		long reportId = queryOne(Long.class, "select report_id from case_report where case_id = ?", caseId);
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

}
