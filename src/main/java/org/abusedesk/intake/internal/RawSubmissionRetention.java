package org.abusedesk.intake.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raw submissions that never became a report (invalid bodies) are deleted after
 * {@code abusedesk.intake.raw-retention} (30 days), in small batches; a submission on
 * hold ({@code held}, evidence preserved for a case or an authority) never is.
 * Submissions that became reports are kept with them. Any node may run it at any time: a
 * delete is the same whoever does it.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RawSubmissionRetention {

	private static final Logger log = LoggerFactory.getLogger(RawSubmissionRetention.class);

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Duration retention;

	@Autowired
	RawSubmissionRetention(JdbcClient jdbc, IntakeProperties properties) {
		this(jdbc, properties.rawRetention());
	}

	RawSubmissionRetention(JdbcClient jdbc, Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${abusedesk.intake.raw-retention-interval:PT1H}")
	void run() {
		int purged = purgeBefore(Instant.now().minus(this.retention));
		if (purged > 0) {
			log.info("Deleted {} invalid raw submissions older than {}", purged, this.retention);
		}
	}

	/**
	 * @return how many were deleted
	 */
	int purgeBefore(Instant cutoff) {
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					delete from raw_submission where id in (
					    select id from raw_submission
					    where outcome = 'invalid' and not held and received_at < :cutoff
					    limit :batch)""")
				.param("cutoff", java.sql.Timestamp.from(cutoff))
				.param("batch", BATCH)
				.update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
