package org.abusedesk.identity.internal;

import org.abusedesk.catalog.ClientKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.abusedesk.identity.internal.SignInThrottle.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic, on a clock the test moves. */
class SignInThrottleUnitTests {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = new SignInThrottle(new SignInThrottleProperties(5, 20,
			Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 100), this.clock);

	@Test
	void theConsoleHasNoSignInThrottle() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).isEmpty();
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "Alice ", "198.51.100.9")).contains(Duration.ofSeconds(60));
		// another account from another address is unaffected; so is the customer sign-in
		assertThat(this.throttle.attempt(Scope.CONSOLE, "bob", "198.51.100.9")).isEmpty();
		assertThat(this.throttle.attempt(Scope.CUSTOMER, null, "192.0.2.1")).isEmpty();

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		// the delay grows while failures go on
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).isEmpty();
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).contains(Duration.ofMinutes(2));
		this.clock.advance(Duration.ofMinutes(2));
		for (int i = 0; i < 5; i++) {
			this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1");
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).contains(Duration.ofMinutes(4));

		// after a quiet window it starts over
		this.clock.advance(Duration.ofMinutes(4).plus(Duration.ofMinutes(16)));
		for (int i = 0; i < 5; i++) {
			this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1");
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "alice", "192.0.2.1")).contains(Duration.ofMinutes(1));
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt(Scope.CONSOLE, "carol", "192.0.2.2");
		}
		this.clock.advance(Duration.ofMinutes(16));
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.attempt(Scope.CONSOLE, "carol", "192.0.2.2")).isEmpty();
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "carol", "192.0.2.2")).isEmpty();
	}

	@Test
	void aSuccessForgetsItsAccountsFailuresButNotItsAddresses() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt(Scope.CONSOLE, "dave", "192.0.2.3");
		}
		this.throttle.attempt(Scope.CONSOLE, "dave", "192.0.2.3");
		this.throttle.succeeded(Scope.CONSOLE, "dave", "192.0.2.3");
		assertThat(this.throttle.attempt(Scope.CONSOLE, "dave", "192.0.2.3")).isEmpty();
		// 4 earlier failures + this one from the address; 15 more reach 20
		for (int i = 0; i < 15; i++) {
			this.throttle.attempt(Scope.CONSOLE, "user" + i, "192.0.2.3");
		}
		assertThat(this.throttle.attempt(Scope.CONSOLE, "erin", "192.0.2.3")).isPresent();
		assertThat(this.throttle.attempt(Scope.CONSOLE, "erin", "192.0.2.4")).isEmpty();
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() {
		for (int i = 0; i < 20; i++) {
			this.throttle.attempt(Scope.CUSTOMER, null, "2001:db8:0:1::" + Integer.toHexString(i + 1));
		}
		assertThat(this.throttle.attempt(Scope.CUSTOMER, null, "2001:db8:0:1:ffff::1")).isPresent();
		assertThat(this.throttle.attempt(Scope.CUSTOMER, null, "2001:db8:0:2::1")).isEmpty();
		assertThat(ClientKeys.of("2001:db8::1")).isEqualTo(ClientKeys.of("[2001:db8:0:0:ffff::2]"))
			.isEqualTo("v6:20010db800000000/64");
		assertThat(ClientKeys.of("::ffff:192.0.2.5")).isEqualTo("v4:192.0.2.5");
		assertThat(ClientKeys.of("not:an:address:at:all")).startsWith("other:");
	}

	@Test
	void theMapIsBounded() {
		for (int i = 0; i < 1000; i++) {
			this.throttle.attempt(Scope.CONSOLE, "name" + i, "192.0.2." + (i % 250));
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(this.throttle.tracked()).isLessThanOrEqualTo(101);
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
