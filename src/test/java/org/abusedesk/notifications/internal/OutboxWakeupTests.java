package org.abusedesk.notifications.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxWakeupTests extends IntegrationTest {

	@Autowired
	private PlatformTransactionManager transactions;

	private final AtomicInteger wakeups = new AtomicInteger();

	private final OutboxWakeup wakeup = new OutboxWakeup();

	@Test
	void messagesQueuedInATransactionWakeDeliveryOnceWhenItCommits() {
		this.wakeup.listen(this.wakeups::incrementAndGet);
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.wakeup.queued();
			this.wakeup.queued();
			this.wakeup.queued();
			assertThat(this.wakeups).as("not before the commit").hasValue(0);
		});
		assertThat(this.wakeups).hasValue(1);
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.wakeup.queued());
		assertThat(this.wakeups).as("each transaction wakes it again").hasValue(2);
	}

	@Test
	void aRolledBackTransactionWakesNothing() {
		this.wakeup.listen(this.wakeups::incrementAndGet);
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.wakeup.queued();
			status.setRollbackOnly();
		});
		assertThat(this.wakeups).hasValue(0);
	}

	@Test
	void withoutATransactionItWakesAtOnceAndWithoutAListenerNothingHappens() {
		this.wakeup.queued();
		assertThat(this.wakeups).hasValue(0);
		this.wakeup.listen(this.wakeups::incrementAndGet);
		this.wakeup.queued();
		assertThat(this.wakeups).hasValue(1);
	}

}
