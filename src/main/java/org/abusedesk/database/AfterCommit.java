package org.abusedesk.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task once the current transaction has committed (not when it rolls back), at
 * most once per transaction and key however often it is asked; without a transaction, at
 * once. For wake-ups of work the transaction queued: the work is visible when it runs.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * @param key identifies the task within a transaction: asked again with the same key,
	 * nothing more happens
	 * @param task what to run after commit
	 */
	public static void once(Object key, Runnable task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			task.run();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
				if (status == STATUS_COMMITTED) {
					task.run();
				}
			}
		});
	}

}
