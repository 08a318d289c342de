package org.abusedesk.intake.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.intake.*}: how many reports the desk takes, how fast, and how long it
 * keeps what it could not read.
 *
 * @param concurrency requests handled at once, per kind of client
 * @param maxBacklog submitted reports waiting for the router beyond which intake refuses
 * more
 * @param rateLimit reports accepted per minute
 * @param batchChunkSize items of a batch stored in one transaction
 * @param invalidArchiveBytesPerDay bytes of invalid bodies kept per client and day
 * @param rawRetention how long invalid raw submissions are kept
 * @param duplicateWindow how far back an identical report counts as a duplicate
 */
@ConfigurationProperties("abusedesk.intake")
record IntakeProperties(@DefaultValue Concurrency concurrency, @DefaultValue("5000") int maxBacklog,
		@DefaultValue RateLimit rateLimit, @DefaultValue("" + BatchIntake.DEFAULT_CHUNK_SIZE) int batchChunkSize,
		@DefaultValue("8388608") long invalidArchiveBytesPerDay, @DefaultValue("P30D") Duration rawRetention,
		@DefaultValue("PT24H") Duration duplicateWindow) {

	/**
	 * {@code abusedesk.intake.concurrency.*}.
	 *
	 * @param untrusted requests at once from clients without a trusted token
	 * @param trusted requests at once from trusted reporters
	 * @param sentLittle places kept for untrusted clients that sent little
	 */
	record Concurrency(@DefaultValue("16") int untrusted, @DefaultValue("16") int trusted,
			@DefaultValue("4") int sentLittle) {

	}

	/**
	 * {@code abusedesk.intake.rate-limit.*}.
	 *
	 * @param perAddressPerMinute reports per client address
	 * @param perTokenPerMinute reports per reporter token
	 * @param untrustedTotalPerMinute reports from all untrusted clients together
	 * @param trustedTotalPerMinute reports from all trusted reporters together
	 * @param perMailSenderPerMinute reports per mail sender
	 */
	record RateLimit(@DefaultValue("60") int perAddressPerMinute, @DefaultValue("6000") int perTokenPerMinute,
			@DefaultValue("60000") int untrustedTotalPerMinute, @DefaultValue("60000") int trustedTotalPerMinute,
			@DefaultValue("60") int perMailSenderPerMinute) {

	}

}
