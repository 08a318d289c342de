package org.abusedesk.intake.internal;

import java.util.concurrent.Executor;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulkhead reads the backlog from the queue of the executor that runs the
 * asynchronous listeners (the router); if that were not a pool with a queue, the backlog
 * limit would quietly never apply.
 */
class IntakeBacklogWiringTests extends IntegrationTest {

	@Autowired
	@Qualifier("applicationTaskExecutor")
	private Executor tasks;

	@Test
	void theAsynchronousListenersRunOnAPoolWhoseQueueTheBulkheadCanRead() {
		assertThat(this.tasks).isInstanceOf(ThreadPoolTaskExecutor.class);
	}

}
