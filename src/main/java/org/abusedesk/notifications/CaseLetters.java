package org.abusedesk.notifications;

import java.util.List;
import java.util.Optional;

/**
 * Letters staff write from a case to a reporter or to the customer, started from a
 * template (per report type and language, data files under {@code correspondence/}) and
 * sent through the outbox: a letter to a reporter is a {@code notify_reporter} message
 * (shown on the report's status page), one to the customer a {@code notify_owner}. Each
 * is appended to the case's audit stream as {@code case.letter_sent}. Replies come back
 * into the case by their Message-ID like the answers to any other message we send.
 */
public interface CaseLetters {

	/** The longest subject. */
	int MAX_SUBJECT = 200;

	/** The longest body. */
	int MAX_BODY = 20_000;

	/** The languages templates come in. */
	List<String> LANGUAGES = List.of("en", "de", "fr", "nl", "es");

	/**
	 * Whom a case's letters may go to: each report's reporter (by tracking code, not by
	 * name: not every role sees who reported) and the customer.
	 * @return empty when there is no such case
	 */
	Optional<Recipients> recipients(long caseId);

	/**
	 * The templates for a party ({@code reporter} or {@code customer}) and report type,
	 * in every language.
	 */
	List<Template> templates(String party, String reportType);

	/**
	 * A template filled in for a case: its placeholders ({@code {tracking_code}},
	 * {@code {case}}, {@code {property}}, {@code {account}}, {@code {urls}}) replaced.
	 * @param reportId for a letter to a reporter, the report; else 0
	 */
	Optional<Letter> fill(long caseId, String templateId, long reportId);

	/**
	 * Queues a letter in the outbox, once per {@code key} (a second post of the same form
	 * queues nothing more), and audits it.
	 * @param party {@code reporter} (then {@code reportId} names the report) or
	 * {@code customer}
	 * @param staff the staff member's name
	 * @param key names this letter once and for all (the form's), 8 to 64 of
	 * {@code [A-Za-z0-9-]}
	 * @return the recipient it was queued to, as staff may see it ({@code the reporter of
	 * AD-...} or the customer's contact)
	 * @throws org.abusedesk.problems.InvalidInputException for a missing or too long
	 * subject or body, an unknown party, a report not in the case, or a bad key
	 * @throws org.springframework.web.server.ResponseStatusException 404 for no such
	 * case, 409 when the reporter left no email address
	 */
	String send(long caseId, String staff, String party, long reportId, String subject, String body, String key);

	/**
	 * @param reporters the reports of the case whose reporters can be written to
	 * @param customerAccount the customer's account ref
	 */
	record Recipients(long caseId, String reportType, String property, String customerAccount,
			List<ReporterRef> reporters) {
	}

	/**
	 * @param language the language suggested by the reporter's country, or {@code en}
	 */
	record ReporterRef(long reportId, String trackingCode, String type, String language) {
	}

	/**
	 * @param id {@code party/type.name.language}
	 */
	record Template(String id, String party, String type, String name, String language, String subject, String body) {
	}

	record Letter(String templateId, String party, String language, String subject, String body) {
	}

}
