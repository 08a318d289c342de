package org.abusedesk.intake.mail;

import java.util.List;

/** What one format reader found; see {@link ParsedMessage} for the fields. */
record Reading(MailFormat format, String category, String reporterName, String reporterEmail, String organisation,
		List<MailTarget> targets, String evidence) {

}
