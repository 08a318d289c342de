package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.Review;

/**
 * One rule, compiled: its conditions as bit masks and its plan as a template. Matching
 * touches no map and allocates nothing.
 *
 * @param id the rule's id
 * @param line where the rule starts in the document (for messages)
 * @param services mask of {@code Service} ordinals the rule matches
 * @param reportTypes mask of report type indexes
 * @param reporterKinds mask of reporter kind indexes; all bits set when unconditioned
 * @param jurisdictions the jurisdictions it matches, or {@code null} for any
 * @param factsTrue facts that must hold
 * @param factsFalse facts that must not hold
 */
record CompiledRule(String id, int line, int services, int reportTypes, int reporterKinds, Set<String> jurisdictions,
		int factsTrue, int factsFalse, List<NotificationKind> notifications, List<MitigationTemplate> mitigations,
		Review review, Priority priority, Duration due, String denialReason, ExplanationTemplate explanation) {

	static final int ANY = -1;

	boolean matches(int reporterKind, String jurisdiction, int facts) {
		if (this.reporterKinds != ANY && (reporterKind < 0 || (this.reporterKinds & (1 << reporterKind)) == 0)) {
			return false;
		}
		if (this.jurisdictions != null && (jurisdiction == null || !this.jurisdictions.contains(jurisdiction))) {
			return false;
		}
		return (facts & this.factsTrue) == this.factsTrue && (facts & this.factsFalse) == 0;
	}

	/**
	 * A rule without reporter, jurisdiction or fact conditions: it catches everything.
	 */
	boolean isFallback() {
		return this.reporterKinds == ANY && this.jurisdictions == null && this.factsTrue == 0 && this.factsFalse == 0;
	}

	ResponsePlan plan(String version, DecisionFacts facts) {
		List<ProposedMitigation> proposed;
		if (this.mitigations.isEmpty()) {
			proposed = List.of();
		}
		else {
			proposed = new ArrayList<>(this.mitigations.size());
			for (MitigationTemplate template : this.mitigations) {
				proposed.add(template.resolve(facts));
			}
		}
		return new ResponsePlan(version, this.id, this.notifications, proposed, this.review, this.priority, this.due,
				this.denialReason, null, this.explanation.render(facts));
	}

}
