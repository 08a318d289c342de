package org.abusedesk.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The versioned policy documents (docs/policy.md): checking, activating, showing and
 * backtesting them. Exactly one version is active at a time; versions are immutable once
 * stored, so that every decision's version names one document forever.
 */
public interface PolicyDocuments {

	/**
	 * Checks a document: syntax, vocabulary, coverage of every service and report type,
	 * and the guardrails no policy can switch off.
	 * @param yaml the document text
	 * @return every problem found, in document order; empty when the document is valid
	 */
	List<PolicyProblem> check(String yaml);

	/**
	 * Stores the document (if its version is new) and makes it the active version, in one
	 * audited transaction. Safe to call concurrently from several nodes.
	 * @param yaml the document text
	 * @param author who activates it, recorded in the audit log
	 * @return the now active version
	 * @throws InvalidPolicyException when the document has problems, or its version is
	 * already stored with different text
	 */
	ActivePolicy activate(String yaml, String author);

	/** The active version, activating the default policy if none is active yet. */
	ActivePolicy active();

	/**
	 * Every stored version, the latest stored first, without its text (see
	 * {@link #active}).
	 */
	List<PolicyVersion> versions();

	/**
	 * The {@code campaigns} settings of the active version; the settings it omits are
	 * {@code null}.
	 */
	CampaignSettings campaignSettings();

	/**
	 * Replays the facts of decisions recorded since {@code since} against a draft and
	 * reports what would change. Reads only.
	 * @param yaml the draft
	 * @param since the first decision time to replay
	 * @param maxExamples how many changed decisions to show at most
	 * @throws InvalidPolicyException when the draft has problems
	 */
	Backtest backtest(String yaml, Instant since, int maxExamples);

	/**
	 * @param version the version the document declares
	 * @param author who activated it
	 * @param activatedAt when
	 * @param document the document text
	 */
	record ActivePolicy(String version, String author, Instant activatedAt, String document) {
	}

	/**
	 * @param version the version the document declares
	 * @param author who stored it
	 * @param createdAt when it was stored
	 * @param activatedAt when it was last made active, or {@code null}
	 * @param active whether it is the active version
	 * @param sha256 the hash of its text
	 */
	record PolicyVersion(String version, String author, Instant createdAt, Instant activatedAt, boolean active,
			String sha256) {
	}

	/**
	 * @param draftVersion the version the draft declares
	 * @param replayed decisions replayed
	 * @param changed how many would change (rule or plan)
	 * @param changedByServiceAndType changes counted by {@code service/report_type}
	 * @param examples some of the changes
	 */
	record Backtest(String draftVersion, int replayed, int changed, Map<String, Integer> changedByServiceAndType,
			List<Change> examples) {
	}

	/**
	 * @param decisionId the recorded decision
	 * @param service its service
	 * @param reportType its report type
	 * @param recordedRule the rule that decided it
	 * @param draftRule the rule the draft would use
	 * @param difference what differs, for people
	 */
	record Change(long decisionId, String service, String reportType, String recordedRule, String draftRule,
			String difference) {
	}

}
