package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.abusedesk.intake.MailAdmission;

import org.springframework.stereotype.Component;

/** Mail senders draw on the intake budgets ({@link IntakeRateLimiter}). */
@Component
class MailSenderBudgets implements MailAdmission {

	private final IntakeRateLimiter limiter;

	MailSenderBudgets(IntakeRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public Optional<Duration> admit(String sender, boolean feed, int reports) {
		IntakeRateLimiter.Refusal refusal = this.limiter.acquireMailSender(sender.toLowerCase(Locale.ROOT), feed,
				reports);
		return Optional.ofNullable(refusal).map(IntakeRateLimiter.Refusal::retryAfter);
	}

}
