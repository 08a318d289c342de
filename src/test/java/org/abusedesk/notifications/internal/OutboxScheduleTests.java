package org.abusedesk.notifications.internal;

import org.abusedesk.SchedulerPollTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's poll hands delivery to the outbox's thread ({@link SchedulerPollTest}).
 */
class OutboxScheduleTests extends SchedulerPollTest {

	@Autowired
	OutboxScheduleTests(OutboxSchedule schedule) {
		super(schedule, schedule::poll);
	}

}
