package org.abusedesk.intake.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.MailAdmission;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.intake.MailReportsFiled;
import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The abuse mailbox: store the raw message (its own commit), parse it, split its targets
 * per customer and file one report each through {@link ReportFiling}; quarantine what
 * cannot be filed, counting failures per sender and day.
 */
@Service
class MailIntakeService implements MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntakeService.class);

	private static final int MAX_JUSTIFICATION = 5000;

	private final MailStore store;

	private final MailParser parser;

	private final KnownSenders senders;

	private final ReportFiling filing;

	private final Resolver resolver;

	private final AuditLog audit;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	private final MailAdmission admission;

	private final ApplicationEventPublisher events;

	private final int maxMessageBytes;

	MailIntakeService(MailStore store, MailIntakeProperties properties, ReportFiling filing, Resolver resolver,
			AuditLog audit, ObjectMapper json, TransactionTemplate transaction, MailAdmission admission,
			ApplicationEventPublisher events) {
		this.store = store;
		this.parser = new MailParser(properties.limits());
		this.senders = new KnownSenders(properties.feeds(), properties.authservId());
		this.filing = filing;
		this.resolver = resolver;
		this.audit = audit;
		this.json = json;
		this.transaction = transaction;
		this.admission = admission;
		this.events = events;
		this.maxMessageBytes = properties.limits().maxMessageBytes();
	}

	@Override
	public MailOutcome receive(byte[] raw, String channel, String envelopeSender) {
		MailStore.Stored stored = this.transaction.execute((status) -> {
			MailStore.Stored row = this.store.store(raw, channel, envelopeSender);
			if (row.fresh()) {
				this.audit.append(stream(row.id()), "system", "mail.received",
						Map.of("channel", channel, "size", raw.length, "sha256", MailStore.sha256(raw)));
			}
			return row;
		});
		if (!stored.fresh() && !stored.status().equals("received")) {
			return new MailOutcome(stored.id(), stored.format(), "duplicate", this.store.reportsOf(stored.id()),
					"the same message as mail_message:" + stored.id() + " (" + stored.status() + ")");
		}
		ParsedMessage parsed = this.parser.parse(raw);
		String sender = (parsed.fromAddress() != null) ? parsed.fromAddress() : envelopeSender;
		if (raw.length > this.maxMessageBytes) {
			return quarantine(stored.id(), parsed, null, sender,
					"too_large: more than " + this.maxMessageBytes + " bytes");
		}
		return this.transaction.execute((status) -> process(stored.id(), raw, parsed, sender));
	}

	private MailOutcome process(long id, byte[] raw, ParsedMessage parsed, String sender) {
		String format = parsed.format().wire();
		if (parsed.targets().isEmpty()) {
			return quarantine(id, parsed, format, sender, "no URL, host name or IP address found");
		}
		if (sender == null || !EmailAddresses.isValid(sender)) {
			return quarantine(id, parsed, format, sender, "no sender address to report as");
		}
		Optional<MailIntakeProperties.Feed> feed = this.senders.match(parsed, raw);
		Optional<ReportType> feedType = feed.map(MailIntakeProperties.Feed::defaultType).flatMap(ReportType::fromWire);
		List<MailTarget> typed = new ArrayList<>();
		for (MailTarget target : parsed.targets()) {
			ReportType type = (target.type() != null) ? target.type() : feedType.orElse(null);
			if (type == null) {
				return quarantine(id, parsed, format, sender, "unclear report type: left for a person");
			}
			typed.add(new MailTarget(target.kind(), target.value(), type));
		}
		List<ReportDrafts.Draft> drafts = ReportDrafts.group(typed, this.resolver);
		Optional<Duration> wait = this.admission.admit(sender, feed.isPresent(), drafts.size());
		if (wait.isPresent()) {
			// kept whole for a person (or a release later), like any quarantined message
			return quarantine(id, parsed, format, sender, "rate_limited: " + drafts.size() + " reports from " + sender
					+ " are over its budget; retry after " + wait.get().toSeconds() + " s");
		}
		List<MailOutcome.FiledReport> filed = new ArrayList<>();
		List<MailReportsFiled.Filed> receipts = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (ReportDrafts.Draft draft : drafts) {
			String body = reportJson(id, parsed, draft, sender, feed.isPresent());
			try {
				ReportReceipt receipt = this.filing.file(ReportFiled.MAIL, stream(id), draft.type().wire(), body,
						feed.isPresent() ? ReporterKind.AUTOMATED_FEED : null);
				filed.add(new MailOutcome.FiledReport(draft.type().wire(), draft.urls(), draft.ips(),
						receipt.trackingCode(), receipt.status()));
				List<String> targets = new ArrayList<>(draft.urls());
				targets.addAll(draft.ips());
				receipts.add(new MailReportsFiled.Filed(receipt.id(), receipt, draft.type().wire(), targets));
			}
			catch (InvalidInputException ex) {
				refused.add(ex.errors().toString());
			}
		}
		if (filed.isEmpty()) {
			return quarantine(id, parsed, format, sender, "no report could be filed: " + String.join("; ", refused));
		}
		String receiptTo = (parsed.reporterEmail() != null) ? parsed.reporterEmail() : sender;
		this.events.publishEvent(new MailReportsFiled(stream(id), receiptTo,
				firstNonBlank(parsed.reporterName(), parsed.fromName()), receipts));
		String reason = refused.isEmpty() ? null : "some reports refused: " + String.join("; ", refused);
		this.store.finish(id, parsed, "accepted", format, reason, problemsJson(parsed.problems()));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("format", format);
		facts.put("sender", sender);
		facts.put("feed", feed.isPresent());
		facts.put("reports", filed.stream().map(MailOutcome.FiledReport::trackingCode).toList());
		this.audit.append(stream(id), "system", "mail.accepted", facts);
		return new MailOutcome(id, format, "accepted", filed, reason);
	}

	private MailOutcome quarantine(long id, ParsedMessage parsed, String format, String sender, String reason) {
		this.transaction.executeWithoutResult((status) -> {
			this.store.finish(id, parsed, "quarantined", format, reason, problemsJson(parsed.problems()));
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("reason", reason);
			facts.put("sender", (sender != null) ? sender : "(unknown)");
			this.audit.append(stream(id), "system", "mail.quarantined", facts);
			int today = this.store.countFailure(sender, id, reason);
			if (today == 1) {
				// one alert per sender and day; the count in mail_failure says the rest
				log.warn("mail from {} quarantined (mail_message:{}): {}", facts.get("sender"), id, reason);
			}
		});
		return new MailOutcome(id, format, "quarantined", List.of(), reason);
	}

	/**
	 * The report in the API's shape. Reporters by email chose nothing, so both recipients
	 * get it without the reporter's identity (docs/email-intake.md).
	 */
	private String reportJson(long id, ParsedMessage parsed, ReportDrafts.Draft draft, String sender, boolean feed) {
		ObjectNode root = this.json.createObjectNode();
		ObjectNode reporter = root.putObject("reporter");
		String email = (parsed.reporterEmail() != null) ? parsed.reporterEmail() : sender;
		String name = firstNonBlank(parsed.reporterName(), parsed.fromName(), email);
		reporter.put("name", clip(name, 255));
		reporter.put("email", clip(email, 254));
		if (parsed.organisation() != null) {
			reporter.put("organisation", clip(parsed.organisation(), 255));
		}
		if (!feed) {
			boolean structured = parsed.format() != MailFormat.TEXT || parsed.organisation() != null;
			reporter.put("kind", structured ? "organisation" : "individual");
		}
		if (!draft.urls().isEmpty()) {
			ArrayNode urls = root.putArray("urls");
			draft.urls().forEach(urls::add);
		}
		if (!draft.ips().isEmpty()) {
			ArrayNode ips = root.putArray("ips");
			draft.ips().forEach(ips::add);
		}
		String label = (parsed.category() != null) ? parsed.category() : draft.type().wire();
		// The sender is the reporter: their identity goes in the reporter fields only,
		// never
		// in the words that reach the host, the owner and every role (issue 12, item 2)
		ReporterRedaction redaction = ReporterRedaction.of(List.of(nullToEmpty(sender), nullToEmpty(email)),
				java.util.Arrays.asList(parsed.reporterName(), parsed.fromName()));
		String justification = "Reported by email (" + parsed.format().wire() + ", " + label + ").\n\n"
				+ redaction.apply(parsed.evidence());
		root.put("justification", clip(justification, MAX_JUSTIFICATION));
		root.put("comments", "Received as " + stream(id) + "; original viewable by staff.");
		ObjectNode notify = root.putObject("notify");
		notify.put("host", "send-anon");
		notify.put("owner", "send-anon");
		if (draft.type() == ReportType.CHILDREN) {
			notify.put("ncmec", "send-anon");
		}
		root.put("good_faith", true);
		return this.json.writeValueAsString(root);
	}

	private String problemsJson(List<String> problems) {
		return this.json.writeValueAsString(problems.size() > 50 ? problems.subList(0, 50) : problems);
	}

	static String stream(long id) {
		return "mail_message:" + id;
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
