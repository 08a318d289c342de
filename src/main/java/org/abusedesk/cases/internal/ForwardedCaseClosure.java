package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forwarded case (the report went up the stack; nothing for us to do) closes after
 * {@code abusedesk.cases.forwarded-quiet-period} (30 days) without a new report or any
 * other change, so that the open cases are the ones that still need something. A report
 * that arrives later opens a new case. Any node may run it: rows are claimed with SKIP
 * LOCKED, and each closure is audited once.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ForwardedCaseClosure {

	static final int BATCH = 500;

	private final CaseRepository cases;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Duration quietPeriod;

	ForwardedCaseClosure(CaseRepository cases, AuditLog audit, TransactionTemplate transactions,
			CaseProperties properties) {
		this.cases = cases;
		this.audit = audit;
		this.transactions = transactions;
		this.quietPeriod = properties.forwardedQuietPeriod();
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "${abusedesk.cases.forwarded-closure-interval:PT1H}")
	void run() {
		closeQuietSince(Instant.now().minus(this.quietPeriod));
	}

	/**
	 * Closes the forwarded cases untouched since {@code cutoff}.
	 * @return how many were closed
	 */
	int closeQuietSince(Instant cutoff) {
		int total = 0;
		int closed;
		do {
			closed = this.transactions.execute((status) -> {
				List<Long> quiet = this.cases.claimQuietForwarded(cutoff, BATCH);
				List<AuditLog.Append> appends = new ArrayList<>(quiet.size());
				for (long id : quiet) {
					appends.add(new AuditLog.Append("case:" + id, "system", "case.closed", Map.of("from", "forwarded",
							"reason", "quiet_period", "quiet_period", this.quietPeriod.toString())));
				}
				this.audit.appendAll(appends);
				this.cases.closeForwarded(quiet);
				return quiet.size();
			});
			total += closed;
		}
		while (closed == BATCH);
		return total;
	}

}
