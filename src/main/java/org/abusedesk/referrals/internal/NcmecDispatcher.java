package org.abusedesk.referrals.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.referrals.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits CyberTipline reports, step by step, exactly once across any number of nodes: a
 * node claims a report with a lease ({@link ReferralStore#claimDue}), and records each
 * step NCMEC answered (the report id after {@code /submit}, each file id after
 * {@code /upload}, each {@code /fileinfo}, the {@code /finish}) in a short transaction of
 * its own, only while its claim holds. A node that stops (a crash, a restart) leaves the
 * report where its last recorded step left it, and the next node to claim it goes on from
 * there: it never opens a second report for the case, nor uploads a file twice. The one
 * window left is a crash after NCMEC answered and before the answer was recorded; the
 * step is then made again (NCMEC's API takes no idempotency key).
 */
@Component
class NcmecDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NcmecDispatcher.class);

	static final int MAX_ATTEMPTS = 12;

	static final int BATCH = 10;

	private final String node = "ncmec-" + UUID.randomUUID();

	private final ReferralStore store;

	private final CaseEvidence evidence;

	private final NcmecConnector connector;

	private final ReferralProperties properties;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	NcmecDispatcher(ReferralStore store, CaseEvidence evidence, NcmecConnector connector, ReferralProperties properties,
			TransactionTemplate transaction, AuditLog audit) {
		this.store = store;
		this.evidence = evidence;
		this.connector = connector;
		this.properties = properties;
		this.transaction = transaction;
		this.audit = audit;
	}

	/**
	 * Works the due CyberTipline reports until none is left for this node.
	 * @return how many were finished
	 */
	int dispatchDue() {
		if (!this.connector.configured()) {
			return 0;
		}
		int finished = 0;
		while (true) {
			List<Referrals.Referral> claimed = this.transaction
				.execute((status) -> this.store.claimDue(this.node, BATCH, this.properties.lease()));
			if (claimed == null || claimed.isEmpty()) {
				return finished;
			}
			for (Referrals.Referral referral : claimed) {
				if (work(referral)) {
					finished++;
				}
			}
		}
	}

	/** Takes one claimed report as far as it goes; whether it was finished. */
	private boolean work(Referrals.Referral referral) {
		String stream = "case:" + referral.caseId();
		try {
			String reportId = referral.externalId();
			if (reportId == null) {
				String opened = this.connector.submit(referral.content());
				if (!Boolean.TRUE.equals(this.transaction.execute((status) -> {
					boolean recorded = this.store.opened(referral.id(), this.node, opened);
					if (recorded) {
						this.audit.append(stream, "system", "referral.ncmec_opened",
								Map.of("referral_id", referral.id(), "ncmec_report_id", opened));
					}
					return recorded;
				}))) {
					log.warn("CyberTipline report {} opened as {}, but the claim was lost", referral.id(), opened);
					return false;
				}
				reportId = opened;
			}
			for (ReferralStore.FileRow file : this.store.files(referral.id())) {
				CaseEvidence.File details = this.evidence.find(file.evidenceId()).orElseThrow();
				String fileId = file.fileId();
				if (fileId == null) {
					fileId = this.connector.upload(reportId, details.filename(),
							this.evidence.content(file.evidenceId()));
					String uploaded = fileId;
					if (!Boolean.TRUE.equals(this.transaction.execute(
							(status) -> this.store.uploaded(referral.id(), this.node, file.evidenceId(), uploaded)))) {
						return false;
					}
				}
				if (!file.detailsSent()) {
					this.connector.fileInfo(CyberTiplineReport.fileDetails(reportId, fileId, details, null));
					if (!Boolean.TRUE.equals(this.transaction
						.execute((status) -> this.store.detailsSent(referral.id(), this.node, file.evidenceId())))) {
						return false;
					}
				}
			}
			this.connector.finish(reportId);
			String finished = reportId;
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				boolean recorded = this.store.finished(referral.id(), this.node);
				if (recorded) {
					this.audit.append(stream, "system", "referral.ncmec_submitted",
							Map.of("referral_id", referral.id(), "ncmec_report_id", finished));
				}
				return recorded;
			}));
		}
		catch (NcmecConnector.NcmecException | RuntimeException ex) {
			int attempts = this.store.attempts(referral.id());
			boolean giveUp = attempts >= MAX_ATTEMPTS;
			log.warn("CyberTipline report {} of case {} failed (attempt {}): {}", referral.id(), referral.caseId(),
					attempts, ex.getMessage());
			this.transaction.executeWithoutResult((status) -> {
				this.store.failed(referral.id(), this.node, String.valueOf(ex.getMessage()), backoff(attempts), giveUp);
				if (giveUp) {
					this.audit.append(stream, "system", "referral.failed",
							Map.of("referral_id", referral.id(), "error", String.valueOf(ex.getMessage())));
				}
			});
			return false;
		}
	}

	static Duration backoff(int attempts) {
		long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 10);
		return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(6).toSeconds()));
	}

}
