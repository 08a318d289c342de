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
import tools.jackson.databind.JsonNode;

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
		confirmCsam(filed.caseId(), staffToken("reviewer", Role.REVIEWER));

		// a second node works it too, and goes away between open and finish
		dispatchOnTwoNodesUntil(filed.caseId(), "opened");
		List<NcmecReceiver.Call> submits = submitsOf(filed.trackingCode());
		assertThat(submits).singleElement();
		String reportId = submits.get(0).reportId();
		assertThat(ncmec.calls("finish", reportId)).isEmpty();

		// a restarted node and the first one take it up again, and NCMEC accepts files
		// now
		ncmec.refuse((call) -> false);
		this.jdbc.sql("update referral set next_attempt_at = now() where case_id = ?").params(filed.caseId()).update();
		dispatchOnTwoNodesUntil(filed.caseId(), "submitted");

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
		confirmCsam(filed.caseId(), staffToken("senior", Role.SENIOR));

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
		confirmCsam(filed.caseId(), staffToken("senior", Role.SENIOR));
		Filed later = fileChildrenReport("later." + this.catalog.hostedZone(), "/gallery/2.jpg");
		assertThat(later.caseId()).isEqualTo(filed.caseId());
		long evidenceId = evidence(later.reportId());

		assertThatThrownBy(() -> this.jdbc.sql("delete from evidence where id = :id").param("id", evidenceId).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("is on a preservation hold and cannot be deleted");
	}

	@Test
	void csamIsConfirmedOnAChildrenCaseOnly() {
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		Api.Response refused = confirm(caseId, "csam_confirmed", "Looked at it.",
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
		JsonNode created = fileReport("children", body);
		long reportId = created.get("id").asLong();
		return new Filed(reportId, caseOf(reportId), created.get("tracking_code").asString());
	}

	private long evidence(long reportId) {
		return this.jdbc.sql("""
				insert into evidence (report_id, filename, detected_type, size, sha256, content)
				values (:report, 'evidence.bin', 'application/octet-stream', :size, :sha, :content) returning id""")
			.params(Map.of("report", reportId, "size", IMAGE.length, "sha", sha256(IMAGE), "content", IMAGE))
			.query(Long.class)
			.single();
	}

	private void confirmCsam(long caseId, String token) {
		Api.Response confirmed = confirm(caseId, "csam_confirmed",
				"Viewed the gallery: apparent child sexual abuse material.", token);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
	}

	/**
	 * This node and another, started for it, dispatch at once until the case's NCMEC
	 * referral is {@code status}; then the other node stops.
	 */
	private void dispatchOnTwoNodesUntil(long caseId, String status) throws Exception {
		ConfigurableApplicationContext other = startNode();
		try {
			bothAtOnce(this.dispatcher, other.getBean(NcmecDispatcher.class));
			await().atMost(Duration.ofSeconds(30)).until(() -> ncmecStatus(caseId).equals(status));
		}
		finally {
			other.close();
		}
	}

	private String ncmecStatus(long caseId) {
		return queryOne(String.class, "select status from referral where case_id = ? and kind = 'ncmec_referral'",
				caseId);
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
