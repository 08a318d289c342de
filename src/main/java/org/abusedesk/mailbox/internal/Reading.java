package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.intake.MailFormat;

/** What one format reader found; see {@link ParsedMessage} for the fields. */
record Reading(MailFormat format, String category, String reporterName, String reporterEmail, String organisation,
		List<MailTarget> targets, String evidence, String notifier, Map<String, String> details) {

	Reading(MailFormat format, String category, String reporterName, String reporterEmail, String organisation,
			List<MailTarget> targets, String evidence) {
		this(format, category, reporterName, reporterEmail, organisation, targets, evidence, null, Map.of());
	}

}
