package org.abusedesk.cases.internal;

import org.abusedesk.SchedulerPollTest;

import org.springframework.beans.factory.annotation.Autowired;

/** The router's poll hands the run to the router's thread ({@link SchedulerPollTest}). */
class RoutingScheduleTests extends SchedulerPollTest {

	@Autowired
	RoutingScheduleTests(RoutingSchedule schedule) {
		super(schedule, schedule::poll);
	}

}
