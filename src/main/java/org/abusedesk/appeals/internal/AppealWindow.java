package org.abusedesk.appeals.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * How long after a decision it can be appealed ({@code abusedesk.appeals.window}, six
 * months by default: DSA Art. 20(1) asks for at least that) and how soon staff should
 * decide an appeal ({@code abusedesk.appeals.decide-within}, 7 days).
 */
@Component
class AppealWindow {

	private final Period window;

	private final Duration decideWithin;

	AppealWindow(AppealProperties properties) {
		Period window = properties.appeals().window();
		Duration decideWithin = properties.appeals().decideWithin();
		LocalDate start = LocalDate.of(2001, 1, 1);
		if (start.plus(window).isBefore(start.plusMonths(6))) {
			throw new IllegalArgumentException("abusedesk.appeals.window must be at least six months (DSA Art. 20)");
		}
		this.window = window;
		this.decideWithin = decideWithin;
	}

	/**
	 * When an appeal against a decision taken at {@code decidedAt} can no longer be
	 * filed.
	 */
	Instant closes(Instant decidedAt) {
		return decidedAt.atOffset(ZoneOffset.UTC).plus(this.window).toInstant();
	}

	/**
	 * The latest decision time whose window has closed at {@code now}: decisions taken up
	 * to then can no longer be appealed.
	 */
	Instant closedFor(Instant now) {
		return now.atOffset(ZoneOffset.UTC).minus(this.window).toInstant();
	}

	Instant due(Instant filedAt) {
		return filedAt.plus(this.decideWithin);
	}

}
