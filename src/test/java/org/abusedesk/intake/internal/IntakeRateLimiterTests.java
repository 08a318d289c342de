package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final ReporterCredential feed = new ReporterCredential(1, "feed", ReporterKind.AUTOMATED_FEED, "Feed",
			"feed@example.org", null);

	private final ReporterCredential flagger = new ReporterCredential(2, "flagger", ReporterKind.TRUSTED_FLAGGER,
			"Flagger", "flagger@example.org", null);

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

	@Test
	void anAddressGetsItsBudgetAndThenARetryAfter() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(3, 100, 1000, 1000, this.now::get);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("192.0.2.1", null, 1)).isNull();
		}
		IntakeRateLimiter.Refusal refusal = limiter.acquire("192.0.2.1", null, 1);
		assertThat(refusal.scope()).isEqualTo("client");
		// 3 per minute: one more every 20 seconds
		assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(20));
		assertThat(limiter.acquire("192.0.2.2", null, 1)).as("another address has its own budget").isNull();
		advance(Duration.ofSeconds(20));
		assertThat(limiter.acquire("192.0.2.1", null, 1)).isNull();
	}

	@Test
	void aFloodFromManyAddressesHitsTheTotalButNotTheTrustedFlaggers() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(10, 100, 50, 50, this.now::get);
		int admitted = 0;
		for (int i = 0; i < 200; i++) {
			if (limiter.acquire("198.51.100." + i, null, 1) == null) {
				admitted++;
			}
		}
		// the total, and the tenth of it kept for addresses that sent little
		assertThat(admitted).isEqualTo(50 + 5);
		assertThat(limiter.acquire("203.0.113.1", this.feed, 1).scope()).isEqualTo("total");
		for (int i = 0; i < 50; i++) {
			assertThat(limiter.acquire("203.0.113.2", this.flagger, 1)).isNull();
		}
	}

	@Test
	void aBatchCostsOneUnitPerReport() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(10, 600, 10_000, 10_000, this.now::get);
		assertThat(limiter.acquire("192.0.2.9", this.feed, 500)).isNull();
		assertThat(limiter.acquire("192.0.2.9", this.feed, 101)).isNotNull();
		assertThat(limiter.acquire("192.0.2.9", this.feed, 100)).isNull();
		// more than the whole budget: wait for a full bucket, then ask for less
		assertThat(limiter.acquire("192.0.2.9", this.feed, 601).retryAfter()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void aRequestRefusedByTheTotalDoesNotCostATokenHolder() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(5, 5, 1, 100, this.now::get);
		assertThat(limiter.acquire("192.0.2.1", null, 1)).isNull();
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.acquire("192.0.2.3", this.feed, 1).scope()).isEqualTo("total");
		}
		advance(Duration.ofSeconds(60));
		assertThat(limiter.acquire("192.0.2.3", this.feed, 1)).isNull();
	}

	@Test
	void anAnonymousClientsRefusedAttemptsCountAgainstIt() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(5, 100, 1, 100, this.now::get);
		assertThat(limiter.acquire("192.0.2.1", null, 1)).isNull();
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.acquire("192.0.2.3", null, 1).scope()).isEqualTo("total");
		}
		assertThat(limiter.acquire("192.0.2.3", null, 1).scope()).isEqualTo("client");
		assertThat(limiter.sentLittle("192.0.2.3")).isFalse();
		assertThat(limiter.sentLittle("192.0.2.99")).isTrue();
	}

}
