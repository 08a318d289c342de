package org.abusedesk.actions.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
		if (this.listener.get() == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(KEY)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				if (status == STATUS_COMMITTED) {
					wake();
				}
			}
		});
	}

	private void wake() {
		Runnable onQueued = this.listener.get();
		if (onQueued != null) {
			onQueued.run();
		}
	}

}
