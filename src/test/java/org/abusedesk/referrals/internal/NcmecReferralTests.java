package org.abusedesk.referrals.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.NcmecReceiver;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.referrals.Referrals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: a children case that staff confirm produces exactly one CyberTipline report
 * at NCMEC (open, upload, file details, finish), whatever nodes work it and however often
 * they stop, keeps NCMEC's report id on the case, and puts its evidence on hold.
 */
class NcmecReferralTests extends DeskTest {

	private static final byte[] IMAGE = "not really an image, a stand-in for the reported file"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	private NcmecDispatcher dispatcher;

	@Autowired
	private Referrals referrals;

	@Autowired
	private AuditLog audit;

	@Autowired
	private StaffAccounts accounts;

	@AfterEach
	void acceptEverything() {
		ncmec.refuse((call) -> false);
	}

	@Test
	void aConfirmedChildrenCaseIsReportedOnceAcrossTwoNodesAndARestartBetweenOpenAndFinish() throws Exception {
		Filed filed = fileChildrenReport("img." + this.catalog.hostedZone());
		long evidenceId = evidence(filed.reportId());

		// every upload is refused: the connector stops after opening the report
		ncmec.refuse((call) -> call.operation().equals("upload"));
		confirm(filed.caseId(), staffToken("reviewer", Role.REVIEWER));

		ConfigurableApplicationContext second = startNode();
		try {
			bothAtOnce(this.dispatcher, second.getBean(NcmecDispatcher.class));
			await().atMost(Duration.ofSeconds(30)).until(() -> ncmecStatus(filed.caseId()).equals("opened"));
		}
		finally {
			// the second node goes away between open and finish
			second.close();
		}
		List<NcmecReceiver.Call> submits = submitsOf(filed.trackingCode());
		assertThat(submits).singleElement();
		String reportId = submits.get(0).reportId();
		assertThat(ncmec.calls("finish", reportId)).isEmpty();

		// a restarted node and the first one take it up again, and NCMEC accepts files
		// now
		ncmec.refuse((call) -> false);
		this.jdbc.sql("update referral set next_attempt_at = now() where case_id = :case")
			.param("case", filed.caseId())
			.update();
		ConfigurableApplicationContext restarted = startNode();
		try {
			bothAtOnce(this.dispatcher, restarted.getBean(NcmecDispatcher.class));
			await().atMost(Duration.ofSeconds(30)).until(() -> ncmecStatus(filed.caseId()).equals("submitted"));
		}
		finally {
			restarted.close();
		}

		assertThat(submitsOf(filed.trackingCode())).hasSize(1);
		assertThat(ncmec.calls("upload", reportId)).filteredOn((call) -> call.answeredWith() == 200).hasSize(1);
		assertThat(ncmec.calls("fileinfo", reportId)).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("<reportId>" + reportId + "</reportId>")
				.contains("<originalFileName>evidence.bin</originalFileName>")
				.contains("<originalFileHash hashType=\"SHA256\">" + sha256(IMAGE) + "</originalFileHash>"));
		assertThat(ncmec.calls("finish", reportId)).hasSize(1);
		assertThat(this.referrals.ncmecReportId(filed.caseId())).hasValue(reportId);
		assertThat(this.audit.entries("case:" + filed.caseId())).extracting(AuditLog.Entry::action)
			.containsSubsequence("case.confirmed", "case.preservation_hold", "referral.recorded",
					"referral.ncmec_opened", "referral.ncmec_submitted")
			.containsOnlyOnce("referral.ncmec_opened", "referral.ncmec_submitted");

		// the report says what NCMEC's API asks for, and names the reporter as they chose
		String report = submits.get(0).body();
		assertThat(report).contains("<incidentType>" + CyberTiplineReport.INCIDENT_TYPE + "</incidentType>")
			.contains("<url>https://img." + this.catalog.hostedZone() + "/gallery/1.jpg</url>")
			.contains("<espIdentifier>hosting-" + this.catalog.id() + "</espIdentifier>")
			.contains("<email>legal@provider.example</email>")
			.contains("Report " + filed.trackingCode())
			.contains("<companyTemplate>abusedesk</companyTemplate>")
			.contains("&lt;" + this.catalog.reporter() + "&gt;, who agreed to be named to NCMEC");
		assertThat(evidenceId).isPositive();
	}

	@Test
	void evidenceOfAConfirmedChildrenCaseCannotBeDeletedAndOnlyLegalAndAdminsOpenIt() {
		Filed filed = fileChildrenReport("pics." + this.catalog.hostedZone());
		long evidenceId = evidence(filed.reportId());
		ncmec.refuse((call) -> true);
		confirm(filed.caseId(), staffToken("senior", Role.SENIOR));

		assertThatThrownBy(() -> this.jdbc.sql("delete from evidence where id = :id").param("id", evidenceId).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("is on a preservation hold and cannot be deleted");
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from report where id = :id").param("id", filed.reportId()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("is on a preservation hold");
		assertThat(this.jdbc.sql("""
				select count(*) from raw_submission s join report r on r.raw_submission_id = s.id
				where r.id = :id and not s.held""").param("id", filed.reportId()).query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("""
				select held_until >= held_at + interval '90 days' from preservation_hold where case_id = :case""")
			.param("case", filed.caseId())
			.query(Boolean.class)
			.single()).isTrue();

		String reviewer = "reviewer-" + this.catalog.id();
		this.accounts.create(reviewer, Role.REVIEWER, "a long test password");
		assertThat(new ConsoleSession(this.port).signIn(reviewer, "a long test password")
			.get("/console/evidence/" + evidenceId)
			.status()).isEqualTo(403);
		String legal = "legal-" + this.catalog.id();
		this.accounts.create(legal, Role.LEGAL, "a long test password");
		Api.Response opened = new ConsoleSession(this.port).signIn(legal, "a long test password")
			.get("/console/evidence/" + evidenceId);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(this.audit.entries("case:" + filed.caseId()))
			.filteredOn((entry) -> entry.action().equals("case.preserved_evidence_accessed"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.actor()).isEqualTo("staff:" + legal));
	}

	@Test
	void aReportJoiningAHeldCaseLaterIsHeldToo() {
		Filed filed = fileChildrenReport("later." + this.catalog.hostedZone());
		ncmec.refuse((call) -> true);
		confirm(filed.caseId(), staffToken("senior", Role.SENIOR));
		Filed later = fileChildrenReport("later." + this.catalog.hostedZone(), "/gallery/2.jpg");
		assertThat(later.caseId()).isEqualTo(filed.caseId());
		long evidenceId = evidence(later.reportId());

		assertThatThrownBy(() -> this.jdbc.sql("delete from evidence where id = :id").param("id", evidenceId).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("is on a preservation hold and cannot be deleted");
	}

	@Test
	void csamIsConfirmedOnAChildrenCaseOnly() {
		Api.Response created = this.api.post("/api/v1/reports/general",
				this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"), null);
		long caseId = caseOf(created.json().get("id").asLong());
		Api.Response refused = this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"{\"fact\": \"csam_confirmed\", \"checked\": \"Looked at it.\"}",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body())
			.contains("csam_confirmed is confirmed on a children case, or one whose evidence is on a CSAM list, only.");
		assertThat(this.referrals.ofCase(caseId)).isEmpty();
	}

	record Filed(long reportId, long caseId, String trackingCode) {
	}

	private Filed fileChildrenReport(String host) {
		return fileChildrenReport(host, "/gallery/1.jpg");
	}

	private Filed fileChildrenReport(String host, String path) {
		String body = """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://%s%s"],
				 "justification": "Images of the sexual abuse of a child in the gallery.",
				 "notify": {"host": "send-anon", "owner": "send-anon", "ncmec": "send"},
				 "good_faith": true}""".formatted(this.catalog.reporter(), host, path);
		Api.Response created = this.api.post("/api/v1/reports/children", body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long reportId = created.json().get("id").asLong();
		return new Filed(reportId, caseOf(reportId), created.json().get("tracking_code").asString());
	}

	private long evidence(long reportId) {
		return this.jdbc.sql("""
				insert into evidence (report_id, filename, detected_type, size, sha256, content)
				values (:report, 'evidence.bin', 'application/octet-stream', :size, :sha, :content) returning id""")
			.params(Map.of("report", reportId, "size", IMAGE.length, "sha", sha256(IMAGE), "content", IMAGE))
			.query(Long.class)
			.single();
	}

	private void confirm(long caseId, String token) {
		Api.Response confirmed = this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"{\"fact\": \"csam_confirmed\", \"checked\": \"Viewed the gallery: apparent child sexual abuse material.\"}",
				token);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
	}

	private String ncmecStatus(long caseId) {
		return this.jdbc.sql("select status from referral where case_id = :case and kind = 'ncmec_referral'")
			.param("case", caseId)
			.query(String.class)
			.single();
	}

	private static List<NcmecReceiver.Call> submitsOf(String trackingCode) {
		return ncmec.calls()
			.stream()
			.filter((call) -> call.operation().equals("submit") && call.body().contains(trackingCode))
			.toList();
	}

	private static void bothAtOnce(NcmecDispatcher one, NcmecDispatcher other) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = pool.submit(() -> {
				awaitTogether(barrier);
				return one.dispatchDue();
			});
			Future<Integer> second = pool.submit(() -> {
				awaitTogether(barrier);
				return other.dispatchDue();
			});
			first.get();
			second.get();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
