package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.EdgeDeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19, "The case lifecycle has one owner": a report that needs review reaches the
 * queue whatever its case went through before, and a forwarded case does not stay open
 * for ever.
 */
class CaseLifecycleTests extends EdgeDeskTest {

	@Autowired
	private ForwardedCaseClosure closure;

	@Autowired
	private CaseRepository cases;

	/**
	 * "A report that arrives for a case that is actioned or forwarded joins it and never
	 * reaches the queue, even when it needs review."
	 */
	@Test
	void aReportThatNeedsReviewOnAnActionedCaseReopensItForTheQueue() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		assertThat(this.work.accept(caseId, reviewer("reviewer")).status()).isEqualTo(CaseStatus.ACTIONED);

		long again = fileAndAwaitCase("phishing", phishing(host, "/another-login.php"));

		assertThat(again).isEqualTo(caseId);
		assertThat(caseStatus(caseId)).isEqualTo("triage");
		assertThat(this.audit.entries("case:" + caseId)).extracting(AuditLog.Entry::action).contains("case.reopened");
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((entry) -> entry.action().equals("case.reopened"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains("\"from\":\"actioned\""));
		// the lifecycle's one owner refuses a move it does not allow, and changes nothing
		assertThatThrownBy(() -> this.cases.moveTo(caseId, CaseStatus.NEW)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot move from triage to new");
		assertThat(caseStatus(caseId)).isEqualTo("triage");
		// it is in the queue again for a person to decide the new report
		assertThat(this.api.get("/api/v1/cases?status=triage&limit=1&after=" + (caseId - 1), this.admin).body())
			.contains("\"id\":" + caseId + ",");
	}

	/**
	 * Issue 20: the list's {@code status} is a case status; any other word is a field
	 * error naming the statuses, not an empty list.
	 */
	@Test
	void anUnknownStatusFilterIsAFieldError() {
		Api.Response unknown = this.api.get("/api/v1/cases?status=opened", this.admin);
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("status");
		assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("invalid");
		assertThat(unknown.json().at("/errors/0/message").asString()).contains("in_review", "closed");
		Api.Response known = this.api.get("/api/v1/cases?status=in_review&limit=1", this.admin);
		assertThat(known.status()).as(known.body()).isEqualTo(200);
	}

	@Test
	void aForwardedCaseClosesAfterItsQuietPeriodAndTheNextReportOpensANewOne() {
		String host = "www." + this.catalog.proxiedZone();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		assertThat(caseStatus(caseId)).isEqualTo("forwarded");

		// not yet quiet long enough: stays open
		this.closure.closeQuietSince(Instant.now().minus(Duration.ofDays(30)));
		assertThat(caseStatus(caseId)).isEqualTo("forwarded");

		this.jdbc.sql("update abuse_case set updated_at = now() - interval '31 days' where id = :id")
			.param("id", caseId)
			.update();
		assertThat(this.closure.closeQuietSince(Instant.now().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);
		assertThat(caseStatus(caseId)).isEqualTo("closed");
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((entry) -> entry.action().equals("case.closed"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains("\"reason\":\"quiet_period\""));
		// closing again closes nothing more
		this.closure.closeQuietSince(Instant.now().minus(Duration.ofDays(30)));
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((entry) -> entry.action().equals("case.closed"))
			.hasSize(1);

		long next = fileAndAwaitCase("phishing", phishing(host, "/other.php"));
		assertThat(next).isNotEqualTo(caseId);
		assertThat(caseStatus(next)).isEqualTo("forwarded");
	}

}
