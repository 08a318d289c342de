package org.abusedesk.referrals.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.abusedesk.catalog.Resolution;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reporter;

/**
 * A CyberTipline report in the shape of NCMEC's reporting API ({@code /submit}): the
 * incident type and time, the reported URLs (a web page incident), the reporting provider
 * and its contact, the account and property concerned with the addresses seen and when,
 * and the member of the public who told us as they chose ({@code ncmec:
 * send} with their contact, {@code send-anon} without). The files follow with
 * {@code /upload} and {@code /fileinfo} ({@link #fileDetails}).
 */
final class CyberTiplineReport {

	static final String INCIDENT_TYPE = "Child Pornography (possession, manufacture, and distribution)";

	private CyberTiplineReport() {
	}

	/**
	 * @param reports the case's reports, at least one
	 * @param confirmedAt when staff confirmed the material
	 */
	static String of(ReferralProperties.Ncmec provider, long caseId, List<Report> reports, Instant confirmedAt) {
		Report first = reports.stream().min(Comparator.comparing(Report::receivedAt)).orElseThrow();
		Resolution resolution = first.resolution();
		Set<String> urls = new LinkedHashSet<>();
		reports.forEach((report) -> urls.addAll(report.urls()));
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report>\n");
		xml.append("  <incidentSummary>\n");
		element(xml, 4, "incidentType", INCIDENT_TYPE);
		element(xml, 4, "incidentDateTime", time(first.receivedAt()));
		xml.append("  </incidentSummary>\n");
		xml.append("  <internetDetails>\n    <webPageIncident>\n");
		urls.forEach((url) -> element(xml, 6, "url", url));
		xml.append("    </webPageIncident>\n  </internetDetails>\n");
		xml.append("  <reporter>\n    <reportingPerson>\n");
		if (provider.contactName() != null) {
			element(xml, 6, "firstName", provider.contactName());
		}
		if (provider.contactEmail() != null) {
			element(xml, 6, "email", provider.contactEmail());
		}
		xml.append("    </reportingPerson>\n");
		element(xml, 4, "companyTemplate", provider.providerName());
		xml.append("  </reporter>\n");
		xml.append("  <personOrUserReported>\n");
		element(xml, 4, "espIdentifier", resolution.account().ref());
		element(xml, 4, "displayName", resolution.account().name());
		for (IpSeen seen : addresses(reports)) {
			xml.append("    <ipCaptureEvent>\n");
			element(xml, 6, "ipAddress", seen.address());
			element(xml, 6, "eventName", "Other");
			element(xml, 6, "dateTime", time(seen.at()));
			xml.append("    </ipCaptureEvent>\n");
		}
		element(xml, 4, "additionalInfo", "Customer account " + resolution.account().ref() + " (property "
				+ resolution.property() + ", services " + String.join(", ", services(resolution)) + ").");
		xml.append("  </personOrUserReported>\n");
		element(xml, 2, "additionalInfo", additionalInfo(caseId, reports, confirmedAt));
		xml.append("</report>\n");
		return xml.toString();
	}

	/** The {@code /fileinfo} request for an uploaded file. */
	static String fileDetails(String reportId, String fileId, CaseEvidence.File file, String location) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fileDetails>\n");
		element(xml, 2, "reportId", reportId);
		element(xml, 2, "fileId", fileId);
		element(xml, 2, "originalFileName", file.filename());
		if (location != null) {
			element(xml, 2, "locationOfFile", location);
		}
		element(xml, 2, "fileViewedByEsp", "true");
		element(xml, 2, "publiclyAvailable", "true");
		xml.append("  <originalFileHash hashType=\"SHA256\">")
			.append(escape(file.sha256()))
			.append("</originalFileHash>\n");
		if (file.md5() != null) {
			xml.append("  <originalFileHash hashType=\"MD5\">")
				.append(escape(file.md5()))
				.append("</originalFileHash>\n");
		}
		String received = (file.sourceUrl() != null)
				? "Read by us from our own storage for the hosted URL " + file.sourceUrl()
				: "Received from the reporter as evidence";
		element(xml, 2, "additionalInfo",
				received + "; detected type " + file.detectedType() + ", " + file.size() + " bytes.");
		xml.append("</fileDetails>\n");
		return xml.toString();
	}

	private record IpSeen(String address, Instant at) {
	}

	/** The reported addresses, and the origin's, each with when we saw it reported. */
	private static List<IpSeen> addresses(List<Report> reports) {
		List<IpSeen> seen = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>();
		for (Report report : reports) {
			for (String address : report.addresses()) {
				if (known.add(address)) {
					seen.add(new IpSeen(address, report.receivedAt()));
				}
			}
			if (report.resolution().origin() != null && report.resolution().origin().address() != null
					&& known.add(report.resolution().origin().address())) {
				seen.add(new IpSeen(report.resolution().origin().address(), report.receivedAt()));
			}
		}
		return seen;
	}

	private static List<String> services(Resolution resolution) {
		return resolution.services().stream().map((service) -> service.wire()).sorted().toList();
	}

	private static String additionalInfo(long caseId, List<Report> reports, Instant confirmedAt) {
		List<String> lines = new ArrayList<>();
		lines.add("Case " + caseId + "; apparent child sexual abuse material confirmed by our staff at "
				+ time(confirmedAt) + ".");
		for (Report report : reports) {
			lines.add(reporterLine(report));
		}
		return String.join(" ", lines);
	}

	/** The member of the public who told us, as they chose. */
	private static String reporterLine(Report report) {
		Reporter reporter = report.reporter();
		String received = "Report " + report.trackingCode() + " received " + time(report.receivedAt());
		if (report.notifyNcmec() == NotifyChoice.SEND && reporter.email() != null) {
			return received + " from " + ((reporter.name() != null) ? reporter.name() + " " : "") + "<"
					+ reporter.email() + ">, who agreed to be named to NCMEC.";
		}
		return received + " from a reporter who asked not to be named to NCMEC.";
	}

	static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private static void element(StringBuilder xml, int indent, String name, String value) {
		xml.append(" ".repeat(indent))
			.append('<')
			.append(name)
			.append('>')
			.append(escape(value))
			.append("</")
			.append(name)
			.append(">\n");
	}

	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					// characters XML 1.0 cannot carry are dropped
					if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
