package org.abusedesk.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseView;
import org.abusedesk.policy.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case's story in words: the case's audit stream and those of the reports on the page
 * (receipts, decisions, messages queued and sent), merged newest first, each entry a
 * sentence and its facts instead of the stored JSON.
 *
 * @param entries newest first
 */
public record Timeline(List<Entry> entries) {

	/** Entries read from each report's own stream (a report's life is short). */
	static final int PER_REPORT = 30;

	/**
	 * One thing that happened.
	 *
	 * @param action the audit action's wire value (for tests and filters)
	 * @param category what kind of event: report, decision, message, reply, note,
	 * approval, mitigation, appeal, referral, case
	 * @param facts the details in words, "what: value"
	 */
	public record Entry(Instant at, String actor, String action, String category, String headline, String text,
			List<String> facts) {

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Facts nobody needs to read (ids of rows, keys of the outbox). */
	private static final Set<String> TECHNICAL = Set.of("idempotency_key", "decision_id", "mail_message", "note_id",
			"policy_version", "hash", "outbox_message", "report_id", "report", "proposal_id", "correspondence");

	/**
	 * Facts that name the reporter or a person we wrote to: only for roles that see
	 * reporters.
	 */
	private static final Set<String> IDENTIFYING = Set.of("recipient", "sender", "reporter_email", "reporter_name",
			"email", "reporter");

	private static final Map<String, String> HEADLINES = Map.ofEntries(Map.entry("case.opened", "Case opened"),
			Map.entry("case.report_attached", "Report attached to the case"),
			Map.entry("case.reopened", "Case reopened by a new report"), Map.entry("case.claimed", "Claimed the case"),
			Map.entry("case.released", "Released the case"), Map.entry("case.plan_accepted", "Accepted the plan"),
			Map.entry("case.plan_changed", "Changed the plan"), Map.entry("case.plan_approved", "Approved the plan"),
			Map.entry("case.plan_refused", "Refused the plan"), Map.entry("case.plan_applied", "Plan applied"),
			Map.entry("case.denied", "Denied the case"), Map.entry("case.escalated", "Escalated the case"),
			Map.entry("case.note_added", "Wrote a note"), Map.entry("case.linked", "Linked a related case"),
			Map.entry("case.merged_into", "Merged into a case"),
			Map.entry("case.merged_from", "Another case was merged into this one"),
			Map.entry("case.forwarded", "Forwarded to the host and owner"), Map.entry("case.closed", "Case closed"),
			Map.entry("case.assigned", "Assigned the case"),
			Map.entry("case.emergency_declared", "Declared an emergency"),
			Map.entry("case.emergency_answered", "Answered the emergency"),
			Map.entry("case.emergency_approved", "Emergency approved"),
			Map.entry("case.confirmed", "Confirmed the abuse"),
			Map.entry("case.campaign_flagged", "Flagged as part of a campaign"), Map.entry("case.appealed", "Appealed"),
			Map.entry("case.appeal_decided", "Appeal decided"),
			Map.entry("case.review_requested", "The customer asked for a review"),
			Map.entry("case.review_due", "A mitigation's review is due"),
			Map.entry("case.report_redecided", "A report was decided again"),
			Map.entry("case.preservation_hold", "Evidence preserved"),
			Map.entry("case.preserved_evidence_accessed", "Opened preserved evidence"),
			Map.entry("case.authority_cites_policy", "An authority cited our policy"),
			Map.entry("report.received", "Report received"), Map.entry("report.decided", "Report decided"),
			Map.entry("report.denied", "Report denied"), Map.entry("report.type_chosen", "Report type chosen"),
			Map.entry("report.forwarding_held", "Forwarding held back"),
			Map.entry("notification.queued", "Message queued"), Map.entry("notification.sent", "Message sent"),
			Map.entry("notification.failed", "Message could not be delivered"),
			Map.entry("notification.digested", "Message added to a digest"),
			Map.entry("correspondence.received", "Reply received"),
			Map.entry("mitigation.created", "Mitigation recorded"),
			Map.entry("mitigation.activated", "Mitigation took effect"),
			Map.entry("mitigation.lifted", "Mitigation lifted"),
			Map.entry("mitigation.extended", "Mitigation extended"),
			Map.entry("mitigation.expired", "Mitigation expired"), Map.entry("mitigation.ended", "Mitigation ended"),
			Map.entry("mitigation.cancelled", "Mitigation cancelled"),
			Map.entry("mitigation.restored", "Mitigation restored"),
			Map.entry("mitigation.not_taken", "Mitigation not taken"),
			Map.entry("mitigation.review_due", "A mitigation's review is due"),
			Map.entry("mitigation.review_scheduled", "Review of a mitigation scheduled"),
			Map.entry("mitigation.review_requested", "The customer asked to review a mitigation"),
			Map.entry("appeal.filed", "Appeal filed"), Map.entry("appeal.decided", "Appeal decided"),
			Map.entry("counter_notice.filed", "Counter-notice filed"),
			Map.entry("counter_notice.restored", "Content restored after a counter-notice"),
			Map.entry("counter_notice.action_filed", "The complainant reported a lawsuit"),
			Map.entry("strike.recorded", "Strike recorded"), Map.entry("referral.recorded", "Referral recorded"),
			Map.entry("referral.ncmec_opened", "NCMEC report opened"),
			Map.entry("referral.ncmec_submitted", "NCMEC report submitted"),
			Map.entry("referral.law_enforcement", "Referred to law enforcement"),
			Map.entry("referral.failed", "Referral failed"));

	/**
	 * @param view the case page's view (its history page and its page of reports)
	 * @param reportStreams the entries of each report's stream on the page
	 * @param seesReporter whether the viewer may read who reported and whom we wrote to
	 */
	static Timeline of(CaseView view, List<AuditLog.Entry> reportStreams, boolean seesReporter, ConsoleWords words) {
		Map<Long, String> notes = new java.util.HashMap<>();
		view.notes().forEach((note) -> notes.put(note.id(), note.body()));
		List<Entry> entries = new ArrayList<>();
		for (AuditLog.Entry entry : view.history()) {
			entries.add(entry(entry, seesReporter, words, notes));
		}
		for (AuditLog.Entry entry : reportStreams) {
			entries.add(entry(entry, seesReporter, words, notes));
		}
		entries.sort(Comparator.comparing(Entry::at).reversed());
		return new Timeline(List.copyOf(entries));
	}

	static Entry entry(AuditLog.Entry entry, boolean seesReporter, ConsoleWords words, Map<Long, String> notes) {
		JsonNode details = read(entry.details());
		String action = entry.action();
		String headline = HEADLINES.getOrDefault(action, ConsoleWords.plain(action.replace('.', ' ')));
		String subject = entry.stream().startsWith("report:") ? " (report " + entry.stream().substring(7) + ")" : "";
		List<String> facts = new ArrayList<>();
		String text = null;
		for (var field : details.properties()) {
			String key = field.getKey();
			if (TECHNICAL.contains(key) || (!seesReporter && IDENTIFYING.contains(key))) {
				continue;
			}
			if (!seesReporter && "notify_reporter".equals(details.path("kind").asString(""))
					&& "recipient".equals(key)) {
				continue;
			}
			String value = value(key, field.getValue(), words);
			if (value.isBlank()) {
				continue;
			}
			if (Set.of("reason", "justification", "note", "explanation").contains(key)) {
				text = value;
				continue;
			}
			facts.add(label(key) + ": " + value);
		}
		if ("case.note_added".equals(action) && details.has("note_id")) {
			text = notes.get(details.get("note_id").asLong());
		}
		return new Entry(entry.occurredAt(), actor(entry.actor()), action, category(action), headline + subject, text,
				facts);
	}

	private static JsonNode read(String details) {
		try {
			return JSON.readTree((details != null && !details.isBlank()) ? details : "{}");
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

	private static String value(String key, JsonNode node, ConsoleWords words) {
		if (node.isNull() || node.isMissingNode()) {
			return "";
		}
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach((item) -> values.add(value(key, item, words)));
			return String.join(", ", values);
		}
		if (node.isObject()) {
			List<String> values = new ArrayList<>();
			for (var field : node.properties()) {
				String inner = value(field.getKey(), field.getValue(), words);
				if (!inner.isBlank() && !TECHNICAL.contains(field.getKey())) {
					values.add(label(field.getKey()).toLowerCase(java.util.Locale.ROOT) + " " + inner);
				}
			}
			return String.join(", ", values);
		}
		String text = node.asString("");
		return switch (key) {
			case "from", "to", "status" -> words.caseStatusOrAsIs(text);
			case "type", "mitigation_type", "report_type" -> words.typeOrMitigation(text);
			case "service" -> words.service(text);
			case "review" -> words.review(text);
			case "rule" -> words.rule(text);
			case "denial_reason" -> words.denialReason(text);
			case "kind", "decision", "party", "entity_type" -> ConsoleWords.plain(text);
			// entries written before ADR 0014 named the entity type target; now it is the
			// URL, zone or account itself
			case "target" -> EntityType.fromWire(text).isPresent() ? ConsoleWords.plain(text) : text;
			case "priority" -> words.priority(text);
			default -> text;
		};
	}

	private static String label(String key) {
		String plain = ConsoleWords.plain(key);
		return Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
	}

	private static String actor(String actor) {
		if (actor == null || "system".equals(actor)) {
			return "abusedesk";
		}
		return actor.startsWith("staff:") ? actor.substring("staff:".length()) : actor;
	}

	static String category(String action) {
		if (action.equals("case.note_added")) {
			return "note";
		}
		if (action.startsWith("case.plan_") || action.startsWith("case.emergency_")) {
			return "approval";
		}
		if (action.equals("report.decided") || action.equals("report.denied") || action.equals("case.denied")) {
			return "decision";
		}
		if (action.startsWith("notification.")) {
			return "message";
		}
		if (action.startsWith("correspondence.")) {
			return "reply";
		}
		int dot = action.indexOf('.');
		String prefix = (dot < 0) ? action : action.substring(0, dot);
		return switch (prefix) {
			case "report" -> "report";
			case "mitigation" -> "mitigation";
			case "appeal", "counter_notice", "strike" -> "appeal";
			case "referral" -> "referral";
			default -> action.contains("appeal") ? "appeal" : "case";
		};
	}

}
