package org.abusedesk.policy;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.abusedesk.vocabulary.Seconds;

/**
 * What to do about a report on one service.
 *
 * @param policyVersion the policy version that produced the plan
 * @param rule the rule that matched
 * @param notifications messages to send
 * @param mitigations mitigations proposed; none take effect without the review asked for
 * @param review whether a person must review first
 * @param priority {@code p1} (most urgent) to {@code p4}
 * @param dueIn when a reviewer should have acted ({@code due_in_seconds} on the wire)
 * @param denialReason when the plan denies the report, the reason (DOMAIN.md wire value);
 * {@code null} otherwise
 * @param refusal when a guardrail refused the rule's plan at run time, which one and why;
 * the plan then proposes no mitigation and goes to a senior reviewer. {@code null} when
 * no guardrail objected
 * @param explanation plain language, fit to show the customer and the reporter
 */
public record ResponsePlan(String policyVersion, String rule, List<NotificationKind> notifications,
		List<ProposedMitigation> mitigations, Review review, Priority priority,
		@JsonProperty("due_in_seconds") @Seconds Duration dueIn, String denialReason, String refusal,
		String explanation) {

	public ResponsePlan {
		notifications = List.copyOf(notifications);
		mitigations = List.copyOf(mitigations);
	}

	public boolean needsReview() {
		return this.review != Review.NONE;
	}

	/** Whether a run-time guardrail refused the plan the rule asked for. */
	public boolean refused() {
		return this.refusal != null;
	}

}
