package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores the content of counter-notices whose time has come: the mitigation is lifted
 * through its lifecycle ({@code mitigation.restored}: the edge drops it), and the
 * customer and the complainant are told. Claims rows with {@code FOR UPDATE SKIP LOCKED}
 * and marks them in the same statement, so any number of nodes may run it at once and
 * each counter-notice is restored once.
 */
@Service
class Restorations {

	private final CounterNoticeStore store;

	private final Mitigations mitigations;

	private final CaseAppeals cases;

	private final Reports reports;

	private final CounterNoticeLetters letters;

	private final Outbound messages;

	private final AuditLog audit;

	Restorations(CounterNoticeStore store, Mitigations mitigations, CaseAppeals cases, Reports reports,
			CounterNoticeLetters letters, Outbound messages, AuditLog audit) {
		this.store = store;
		this.mitigations = mitigations;
		this.cases = cases;
		this.reports = reports;
		this.letters = letters;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * @param now the instant to compare the restoration time with (the job's clock)
	 * @param limit how many to restore at most in this call
	 * @return how many were restored
	 */
	@Transactional
	public int restoreDue(Instant now, int limit) {
		List<CounterNotice> due = this.store.claimDue(now, limit);
		for (CounterNotice notice : due) {
			this.audit.append("case:" + notice.caseId(), "system", "counter_notice.restored",
					Map.of("counter_notice_id", notice.id(), "mitigation_id", notice.mitigationId(), "restore_at",
							notice.restoreAt()));
			List<Report> complaints = this.reports
				.findAll(this.cases.find(notice.caseId()).map(CaseAppeals.AppealedCase::reportIds).orElse(List.of()));
			complaints.forEach(
					(report) -> this.letters.restoredToComplainant(notice, report).ifPresent(this.messages::queue));
			CounterNotices.contact(complaints)
				.ifPresent((email) -> this.messages.queue(this.letters.restoredToCustomer(notice, email)));
		}
		// last: each lift takes the change-sequence lock, held until commit
		for (CounterNotice notice : due) {
			this.mitigations.lift(notice.mitigationId(), "system", true, "mitigation.restored",
					Map.of("counter_notice_id", notice.id(), "reason", "DMCA counter-notice; no court action filed"));
		}
		return due.size();
	}

}
