package org.abusedesk.policy;

import java.time.Duration;
import java.util.List;

/**
 * What to do about a report on one service.
 *
 * @param policyVersion the policy version that produced the plan
 * @param rule the rule that matched
 * @param notifications messages to send
 * @param review whether a person must review first
 * @param priority {@code p1} (most urgent) to {@code p4}
 * @param dueIn when a reviewer should have acted
 * @param explanation plain language, fit to show the customer and the reporter
 */
public record ResponsePlan(String policyVersion, String rule, List<NotificationKind> notifications, Review review,
		String priority, Duration dueIn, String explanation) {

	public boolean needsReview() {
		return this.review != Review.NONE;
	}

}
