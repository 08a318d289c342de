package org.abusedesk.intake.internal;

import org.abusedesk.catalog.ClientKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.abusedesk.problems.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 12, items 5 and 11: at 240 flooding addresses an innocent anonymous reporter got
 * 0 of 10 reports through, and an IPv6 client had a budget per address, so a /64 gave it
 * unlimited ones. Admission is simulated on a clock of its own, second by second.
 */
class FloodFairnessTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void innocentReporterGetsThroughAFloodFrom240Addresses() {
		// the defaults' proportions: 60 a minute per address, an untrusted total the
		// flood exceeds (240 x 60 = 14,400 a minute against 6,000)
		IntakeRateLimiter limiter = new IntakeRateLimiter(60, 6000, 6000, 6000, this.now::get);
		int innocentAccepted = 0;
		int floodAccepted = 0;
		for (int second = 0; second < 60; second++) {
			for (int flooder = 0; flooder < 240; flooder++) {
				for (int attempt = 0; attempt < 5; attempt++) {
					if (limiter.acquire("198.18." + (flooder / 200) + "." + (flooder % 200), null, 1) == null) {
						floodAccepted++;
					}
				}
			}
			if (second % 6 == 0 && limiter.acquire("192.0.2.77", null, 1) == null) {
				innocentAccepted++;
			}
			this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		}

		assertThat(innocentAccepted).isEqualTo(10);
		// the flood got the untrusted total and no more: one minute's budget and its
		// refill
		assertThat(floodAccepted).isLessThanOrEqualTo(6000 + 6000);
	}

	@Test
	void innocentReporterFindsAPlaceWhenTheFloodHoldsEveryUntrustedPlace() {
		IntakeBulkhead bulkhead = new IntakeBulkhead(16, 16, 4, 5000, () -> 0);
		List<IntakeBulkhead.Permit> flood = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			flood.add(bulkhead.enter(false, false));
		}
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> bulkhead.enter(false, false));

		try (IntakeBulkhead.Permit innocent = bulkhead.enter(false, true)) {
			assertThat(innocent).isNotNull();
		}
		// the kept places are few: a flood of fresh addresses cannot take more than them
		List<IntakeBulkhead.Permit> fresh = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fresh.add(bulkhead.enter(false, true));
		}
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> bulkhead.enter(false, true));
		flood.forEach(IntakeBulkhead.Permit::close);
		fresh.forEach(IntakeBulkhead.Permit::close);
	}

	@Test
	void ipv6AddressesOfOneSlash64ShareOneBudget() {
		IntakeRateLimiter limiter = new IntakeRateLimiter(3, 100, 1000, 1000, this.now::get);
		assertThat(limiter.acquire("2001:db8:1:2::1", null, 1)).isNull();
		assertThat(limiter.acquire("2001:db8:1:2::dead:beef", null, 1)).isNull();
		assertThat(limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:ffff", null, 1)).isNull();

		assertThat(limiter.acquire("2001:db8:1:2:1234::9", null, 1)).as("the same /64").isNotNull();
		assertThat(limiter.acquire("2001:db8:1:3::1", null, 1)).as("the next /64").isNull();
		assertThat(limiter.acquire("[2001:0db8:0001:0002::77]", null, 1)).as("another spelling").isNotNull();
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "192.0.2.1, v4:192.0.2.1", "2001:db8:1:2::1, v6:20010db800010002/64", "::ffff:192.0.2.1, v4:192.0.2.1",
			"not an address, other:not an address" })
	void clientKeysAreTheIpv4AddressOrTheIpv6Slash64(String address, String key) {
		assertThat(ClientKeys.of(address)).isEqualTo(key);
	}

}
