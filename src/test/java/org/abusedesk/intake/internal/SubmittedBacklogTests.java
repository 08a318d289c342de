package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedBacklogTests {

	private final AtomicLong clock = new AtomicLong();

	private final AtomicInteger waiting = new AtomicInteger(7);

	private final List<Integer> caps = new ArrayList<>();

	private final SubmittedBacklog backlog = new SubmittedBacklog((cap) -> {
		this.caps.add(cap);
		return Math.min(this.waiting.get(), cap);
	}, 100, 200, this.clock::get);

	@Test
	void countsOnFirstUseThenAtMostOncePerRefreshInterval() {
		assertThat(this.backlog.getAsInt()).isEqualTo(7);
		this.waiting.set(50);
		this.clock.set(199);
		assertThat(this.backlog.getAsInt()).isEqualTo(7);
		this.clock.set(200);
		assertThat(this.backlog.getAsInt()).isEqualTo(50);
		assertThat(this.caps).containsExactly(100, 100);
	}

	@Test
	void countsOnlyUpToTheCap() {
		this.waiting.set(1_000_000);
		assertThat(this.backlog.getAsInt()).isEqualTo(100);
	}

}
