package org.abusedesk.policy;

import java.time.Instant;

/** A recorded decision: the facts, the plan they produced, and when. */
public record Decision(long id, long reportId, DecisionFacts facts, ResponsePlan plan, Instant decidedAt) {

}
