package org.abusedesk.referrals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.intake.Report;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words of a law-enforcement referral: the facts (case, target, account), the content
 * (the reported URLs and addresses, the reporter's account of it), the basis, and the
 * actions we took. The reporter's identity is not included: the authority can ask for it
 * through the legal process.
 */
final class ReferralMessage {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReferralMessage() {
	}

	static String subject(long caseId, Report report) {
		return "Law enforcement referral: case " + caseId + " (" + report.type().wire() + ") about "
				+ report.resolution().target();
	}

	static String text(long caseId, Report report, String country, String authority, String basis,
			List<Mitigations.Mitigation> taken) {
		List<String> lines = new ArrayList<>();
		lines.add("To " + authority + ",");
		lines.add("");
		lines.add("We refer the following case to you under Article 18 of the Digital Services Act"
				+ ((country != null) ? " (country concerned: " + country + ")" : " (country concerned: unknown)")
				+ ".");
		lines.add("");
		lines.add("Facts");
		lines.add("Case: " + caseId);
		lines.add("Report: " + report.trackingCode() + " (" + report.type().wire() + "), received "
				+ CyberTiplineReport.time(report.receivedAt()));
		lines.add("Target: " + report.resolution().target());
		lines.add("Customer account: " + report.resolution().account().ref() + " (property "
				+ report.resolution().property() + ")");
		lines.add("");
		lines.add("Content");
		report.urls().forEach((url) -> lines.add("  " + url));
		report.addresses().forEach((address) -> lines.add("  " + address));
		lines.add("Reporter's account: " + report.justification());
		lines.add("");
		lines.add("Basis");
		lines.add((basis != null) ? basis : "A law-enforcement referral the policy calls for.");
		lines.add("");
		lines.add("Actions taken");
		if (taken.isEmpty()) {
			lines.add("None yet; an emergency block awaits the approval of two of our staff.");
		}
		for (Mitigations.Mitigation mitigation : taken) {
			lines.add("  " + mitigation.type() + " on " + mitigation.target() + " (" + mitigation.status().wire()
					+ ((mitigation.expiresAt() != null) ? ", until " + mitigation.expiresAt() : "") + ")");
		}
		return String.join("\n", lines) + "\n";
	}

	static String json(long referralId, long caseId, Report report, String authority, String basis, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("referral_id", referralId);
		body.put("kind", "law_enforcement_referral");
		body.put("case_id", caseId);
		body.put("authority", authority);
		body.put("target", report.resolution().target());
		body.put("urls", report.urls());
		body.put("basis", basis);
		body.put("text", text);
		return JSON.writeValueAsString(body);
	}

}
