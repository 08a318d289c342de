package org.abusedesk.notifications.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.abusedesk.database.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * Tells this node's outbox delivery that messages were queued, once the transaction that
 * queued them has committed, so that a message leaves at once rather than at the next
 * poll. Other nodes still find it by polling; without a listener (delivery switched off)
 * nothing happens.
 */
@Component
class OutboxWakeup {

	private static final Object KEY = new Object();

	private final AtomicReference<Runnable> listener = new AtomicReference<>();

	void listen(Runnable onQueued) {
		this.listener.set(onQueued);
	}

	/** Messages were queued in the current transaction (or without one). */
	void queued() {
		if (this.listener.get() != null) {
			AfterCommit.once(KEY, this::wake);
		}
	}

	private void wake() {
		Runnable onQueued = this.listener.get();
		if (onQueued != null) {
			onQueued.run();
		}
	}

}
