package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.problems.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntakeBulkheadTests {

	private final java.util.concurrent.atomic.AtomicInteger backlog = new java.util.concurrent.atomic.AtomicInteger();

	private final IntakeBulkhead bulkhead = new IntakeBulkhead(3, 2, 100, this.backlog::get);

	@Test
	void untrustedRequestsBeyondTheirPlacesAreRefusedAtOnceWhileTrustedFlaggersStillGetIn() {
		List<IntakeBulkhead.Permit> held = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			held.add(this.bulkhead.enter(false));
		}
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.bulkhead.enter(false))
			.satisfies((ex) -> assertThat(ex.retryAfter().toSeconds()).isEqualTo(1));
		try (IntakeBulkhead.Permit trusted = this.bulkhead.enter(true)) {
			assertThat(trusted).isNotNull();
		}
		held.remove(0).close();
		held.add(this.bulkhead.enter(false));
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.bulkhead.enter(false));
	}

	@Test
	void trustedFlaggersHaveTheirOwnLimitAndAPermitIsGivenBackOnlyOnce() {
		IntakeBulkhead.Permit first = this.bulkhead.enter(true);
		IntakeBulkhead.Permit second = this.bulkhead.enter(true);
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.bulkhead.enter(true));
		first.close();
		first.close();
		IntakeBulkhead.Permit third = this.bulkhead.enter(true);
		assertThatExceptionOfType(TooManyRequestsException.class).as("closing twice freed one place, not two")
			.isThrownBy(() -> this.bulkhead.enter(true));
		second.close();
		third.close();
	}

	@Test
	void aBacklogOfDecisionsOverTheLimitTurnsUntrustedReportsAwayButNotTrustedFlaggers() {
		this.backlog.set(100);
		this.bulkhead.enter(false).close();
		this.backlog.set(101);
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.bulkhead.enter(false))
			.satisfies((ex) -> assertThat(ex.retryAfter().toSeconds()).isEqualTo(5));
		this.bulkhead.enter(true).close();
		this.backlog.set(3);
		this.bulkhead.enter(false).close();
	}

}
