package org.abusedesk.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reporter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A report as X-ARF v4 JSON (xarf/xarf-spec, {@code schemas/v4}), for recipients who
 * asked for machine-readable notices. Only the types X-ARF names faithfully get one:
 * phishing ({@code content/phishing}), copyright ({@code copyright/copyright}) and other
 * abuse ({@code reputation/threat_intelligence}); the others are sent in words only,
 * rather than under a category that would mislead the recipient's automation.
 */
@Component
class XarfReports {

	static final String VERSION = "4.0.0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String from;

	private final String organisation;

	@Autowired
	XarfReports(NotificationProperties properties) {
		this(properties.mail().from(), properties.mail().organisation());
	}

	XarfReports(String from, String organisation) {
		this.from = from;
		this.organisation = organisation;
	}

	/**
	 * @param choice what the reporter chose for this recipient: their identity is in the
	 * report only with {@code send}
	 * @return the JSON, or empty when X-ARF has no faithful category for the report's
	 * type
	 */
	Optional<String> of(Report report, NotifyChoice choice) {
		String[] categoryType = switch (report.type()) {
			case PHISHING -> new String[] { "content", "phishing" };
			case DMCA -> new String[] { "copyright", "copyright" };
			case GENERAL -> new String[] { "reputation", "threat_intelligence" };
			default -> null;
		};
		if (categoryType == null || (report.urls().isEmpty() && report.addresses().isEmpty())) {
			return Optional.empty();
		}
		ObjectNode root = JSON.createObjectNode();
		root.put("xarf_version", VERSION);
		// the same report gives the same id, however often it is sent
		root.put("report_id",
				UUID.nameUUIDFromBytes(("abusedesk:" + report.trackingCode()).getBytes(StandardCharsets.UTF_8))
					.toString());
		root.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(report.receivedAt()));
		ObjectNode sender = root.putObject("sender");
		contact(sender, this.organisation, this.from);
		ObjectNode reporter = root.putObject("reporter");
		Reporter who = report.reporter();
		if (choice == NotifyChoice.SEND && who.email() != null && who.email().contains("@")) {
			contact(reporter,
					(who.organisation() != null) ? who.organisation() : (who.name() != null) ? who.name() : who.email(),
					who.email());
		}
		else {
			contact(reporter, this.organisation, this.from);
		}
		String url = report.urls().isEmpty() ? null : report.urls().get(0);
		root.put("source_identifier",
				(url != null) ? hostOf(url, report.resolution().target()) : report.addresses().get(0));
		root.put("category", categoryType[0]);
		root.put("type", categoryType[1]);
		root.put("evidence_source", "user_report");
		String description = "abusedesk report " + report.trackingCode() + ": " + report.justification();
		root.put("description", (description.length() > 1000) ? description.substring(0, 1000) : description);
		root.putArray("tags").add("abusedesk:" + report.type().wire().replace('_', '-'));
		switch (report.type()) {
			case PHISHING -> root.put("url", url);
			case DMCA -> root.put("infringing_url", url);
			default -> {
				root.put("threat_type", "abuse_report");
				if (url != null) {
					root.put("url", url);
				}
			}
		}
		if (url != null) {
			root.putArray("urls").addAll(report.urls().stream().map(JSON.getNodeFactory()::stringNode).toList());
		}
		if (!report.addresses().isEmpty()) {
			root.putArray("source_addresses")
				.addAll(report.addresses().stream().map(JSON.getNodeFactory()::stringNode).toList());
		}
		return Optional.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}

	private static void contact(ObjectNode node, String org, String email) {
		node.put("org", (org.length() > 200) ? org.substring(0, 200) : org);
		node.put("contact", email);
		node.put("domain", email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT));
	}

	private static String hostOf(String url, String fallback) {
		try {
			String host = java.net.URI.create(url).getHost();
			return (host != null) ? host : fallback;
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

}
