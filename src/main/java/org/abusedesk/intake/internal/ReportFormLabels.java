package org.abusedesk.intake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The label of every field of a type's form, in the order the form shows them: the
 * template labels the fields with them, and the error summary names each problem's field
 * with them, in the same order.
 */
final class ReportFormLabels {

	private ReportFormLabels() {
	}

	static Map<String, String> of(TypeSpec spec) {
		String optional = spec.reporterOptional() ? " (optional)" : "";
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("reporter_name", "Your name" + optional);
		labels.put("reporter_email", "Your email address" + optional);
		labels.put(ReportFormInput.EMAIL_CONFIRM, "Your email address again");
		labels.put("reporter_organisation", "Organisation (optional)");
		labels.put("reporter_country", "Country (optional)");
		labels.put("reporter_kind", "You report as");
		labels.put("urls", spec.addresses() ? "URLs (or IP addresses below)" : "URLs");
		if (spec.addresses()) {
			labels.put("ips", "IP addresses (for network abuse)");
		}
		labels.put("justification", "Why is this illegal or harmful?");
		spec.fields().forEach((field) -> labels.put(field.name(), field.label()));
		labels.put("comments", "Comments (optional)");
		if (spec.documentRequired()) {
			labels.put("document", "The order");
		}
		if (!spec.ncmec()) {
			labels.put("evidence", "Evidence files (optional)");
		}
		labels.put("notify_host", "Forward your report to the hosting provider of the site?");
		labels.put("notify_owner", "Forward your report to the site owner, our customer?");
		if (spec.ncmec()) {
			labels.put("notify_ncmec", "How should our referral to NCMEC name you?");
		}
		labels.put("good_faith", "Good faith");
		return labels;
	}

}
