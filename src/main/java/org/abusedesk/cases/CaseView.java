package org.abusedesk.cases;

import java.time.Instant;
import java.util.List;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.policy.Decision;

/**
 * Everything a reviewer needs on one case page. The reporter's identity is present only
 * for roles allowed to see it (docs/console.md).
 *
 * @param caseInfo the case as the queue shows it
 * @param reports a page of the case's reports, oldest first (a case may gather thousands:
 * {@code caseInfo().reportCount()} says how many)
 * @param reportsNextAfter the report id after which the next page starts, or {@code null}
 * @param plan what the reports' latest decisions call for (all of them)
 * @param proposal the latest proposal for the case, or {@code null}
 * @param history the newest entries of the case's audit stream (of the page asked for),
 * oldest first
 * @param historyOlderBefore the seq before which the older entries are, or {@code null}
 * @param notes staff notes, oldest first
 * @param links cases linked to this one, or it was merged into
 * @param claimExpiresAt when the current claim lapses, or {@code null} when unclaimed
 */
public record CaseView(CaseQueue.Row caseInfo, List<ReportView> reports, Long reportsNextAfter, CasePlan plan,
		Proposal proposal, List<AuditLog.Entry> history, Long historyOlderBefore, List<Note> notes, List<Link> links,
		Instant claimExpiresAt) {

	/**
	 * A report on the case.
	 *
	 * @param reporterHidden whether the reporter's name, email and organisation were
	 * withheld from this viewer
	 */
	public record ReportView(long id, String trackingCode, String type, String status, String reporterKind,
			boolean reporterHidden, String reporterName, String reporterEmail, String reporterOrganisation,
			List<String> urls, List<String> addresses, String justification, String comments, String property,
			String accountRef, List<String> services, Instant receivedAt, List<Decision> decisions,
			List<Evidence> evidence) {

	}

	/** An evidence file of a report; {@code image} when its detected type is an image. */
	public record Evidence(long id, String filename, String detectedType, int size, boolean image) {

	}

	/** A plan waiting for (or past) approval, and the answers given. */
	public record Proposal(long id, CasePlan plan, String proposedBy, String reason, Instant proposedAt, String status,
			List<Answer> answers) {

	}

	public record Answer(String approver, String decision, String reason, Instant decidedAt) {

	}

	public record Note(long id, String author, String body, Instant createdAt) {

	}

	/**
	 * @param kind {@code related} or {@code merged_into}
	 */
	public record Link(long caseId, String kind, String linkedBy, Instant linkedAt) {

	}

	/** An evidence file's bytes, as stored. */
	public record EvidenceFile(long id, String filename, String detectedType, byte[] content) {

		public boolean image() {
			return isImage(this.detectedType);
		}

	}

	/** Whether a detected type is one the console shows inline (raster images only). */
	public static boolean isImage(String detectedType) {
		return List.of("image/png", "image/jpeg", "image/gif", "image/webp").contains(detectedType);
	}

}
