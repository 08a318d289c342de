package org.abusedesk.mailbox.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.MailAdmission;
import org.abusedesk.mailbox.MailAppeals;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.mailbox.MailNoticeRefused;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.intake.MailReplies;
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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

	/** The domain of the Message-IDs abusedesk gives its messages (OutboxDispatcher). */
	static final String OUR_MESSAGE_IDS = "@abusedesk>";

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

	private final NotifierRegistry notifiers;

	private final ObjectProvider<MailReplies> replies;

	private final ObjectProvider<MailAppeals> appeals;

	@Autowired
	MailIntakeService(MailStore store, MailIntakeProperties properties, ReportFiling filing, Resolver resolver,
			AuditLog audit, ObjectMapper json, TransactionTemplate transaction, MailAdmission admission,
			ApplicationEventPublisher events, ObjectProvider<MailReplies> replies,
			ObjectProvider<MailAppeals> appeals) {
		this.store = store;
		this.appeals = appeals;
		this.notifiers = NotifierRegistry.of(properties.notifiers(), properties.notifiersFromFile());
		this.parser = new MailParser(properties.limits(), this.notifiers);
		this.replies = replies;
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

	MailIntakeService(MailStore store, MailIntakeProperties properties, ReportFiling filing, Resolver resolver,
			AuditLog audit, ObjectMapper json, TransactionTemplate transaction, MailAdmission admission,
			ApplicationEventPublisher events) {
		this(store, properties, filing, resolver, audit, json, transaction, admission, events, null, null);
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
		return this.transaction.execute((status) -> process(stored.id(), raw, parsed, sender, null));
	}

	/**
	 * Files a quarantined message again as a person decided ({@link MailTriageService}):
	 * outside its sender's rate budget, and every target as {@code type} when one is
	 * given.
	 * @return empty when no such message is quarantined
	 */
	Optional<MailOutcome> release(long id, ReportType type, String staff) {
		return this.transaction.execute((status) -> {
			Optional<byte[]> raw = this.store.lockQuarantined(id);
			Optional<org.abusedesk.mailbox.MailTriage.QuarantinedMessage> message = this.store.quarantinedMessage(id);
			if (raw.isEmpty() || message.isEmpty()) {
				return Optional.<MailOutcome>empty();
			}
			if (raw.get().length > this.maxMessageBytes) {
				throw new InvalidInputException("id", "too_large", "The message is larger than " + this.maxMessageBytes
						+ " bytes and is not read; download the original and file what it reports by hand.");
			}
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("type", (type != null) ? type.wire() : "as_read");
			facts.put("was", message.get().reason());
			this.audit.append(stream(id), "staff:" + staff, "mail.released", facts);
			ParsedMessage parsed = this.parser.parse(raw.get());
			String sender = (parsed.fromAddress() != null) ? parsed.fromAddress() : message.get().envelopeSender();
			return Optional.of(process(id, raw.get(), parsed, sender, new Release(type)));
		});
	}

	/**
	 * A person's release of a quarantined message: no rate budget applies.
	 *
	 * @param type every target's type, or {@code null} for the types the message gave
	 */
	private record Release(ReportType type) {

	}

	/**
	 * @param release a person's release of a quarantined message, or {@code null} for a
	 * message as it arrives
	 */
	private MailOutcome process(long id, byte[] raw, ParsedMessage parsed, String sender, Release release) {
		ReportType forced = (release != null) ? release.type() : null;
		MailFormat format = parsed.format();
		MailThread thread = parsed.thread();
		if (thread.ours()) {
			return settle(id, parsed, format, sender, "ignored", "our own message: never answered nor filed");
		}
		Optional<MailOutcome> threaded = threaded(id, parsed, format, sender);
		if (threaded.isPresent()) {
			return threaded.get();
		}
		if (thread.bounce() || "auto-replied".equals(thread.autoSubmitted())) {
			// an out-of-office or a bounce answering nothing we know: not a report, and
			// never answered (that is how mail loops start)
			return settle(id, parsed, format, sender, "ignored",
					(thread.bounce() ? "a delivery status notification" : "an automatic reply")
							+ " that answers no message of ours");
		}
		if (parsed.targets().isEmpty()) {
			return quarantine(id, parsed, format, sender, "no URL, host name or IP address found");
		}
		if (sender == null || !EmailAddresses.isValid(sender)) {
			return quarantine(id, parsed, format, sender, "no sender address to report as");
		}
		Optional<MailIntakeProperties.Feed> feed = this.senders.match(parsed, raw);
		Optional<Notifier> notifier = Optional.ofNullable(parsed.notifier()).flatMap(this.notifiers::named);
		Optional<ReporterKind> vouched = feed.isPresent() ? Optional.of(ReporterKind.AUTOMATED_FEED)
				: notifier.filter((known) -> !known.requireDkim() || this.senders
					.dkimPass(parsed.authenticationResults(), sender.substring(sender.indexOf('@') + 1).toLowerCase()))
					.flatMap(Notifier::kind);
		Optional<ReportType> feedType = feed.map(MailIntakeProperties.Feed::defaultType).flatMap(ReportType::fromWire);
		List<MailTarget> typed = new ArrayList<>();
		Set<String> unclear = new HashSet<>();
		for (MailTarget target : parsed.targets()) {
			ReportType type = (forced != null) ? forced
					: (target.type() != null) ? target.type() : feedType.orElse(null);
			if (type == null) {
				// never lost for want of a type: filed for triage, a person picks it
				unclear.add(target.value());
				type = ReportType.GENERAL;
			}
			typed.add(new MailTarget(target.kind(), target.value(), type));
		}
		Set<ReportType> fileable = EnumSet.copyOf(ReportDrafts.ACCEPTED);
		if (CopyrightNotice.complete(parsed)) {
			fileable.add(ReportType.DMCA);
		}
		if (forced != null) {
			fileable.add(forced);
		}
		List<ReportDrafts.Draft> drafts = ReportDrafts.group(typed, this.resolver, unclear, fileable);
		Optional<Duration> wait = (release != null) ? Optional.empty()
				: this.admission.admit(sender, feed.isPresent(), drafts.size());
		if (wait.isPresent()) {
			// kept whole for a person (or a release later), like any quarantined message
			return quarantine(id, parsed, format, sender, "rate_limited: " + drafts.size() + " reports from " + sender
					+ " are over its budget; retry after " + wait.get().toSeconds() + " s");
		}
		List<MailOutcome.FiledReport> filed = new ArrayList<>();
		List<MailReportsFiled.Filed> receipts = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		List<String> suspended = new ArrayList<>();
		for (ReportDrafts.Draft draft : drafts) {
			String body = reportJson(id, parsed, draft, sender, vouched.isPresent());
			try {
				ReportReceipt receipt = this.filing.file(ReportFiled.MAIL, stream(id), draft.type().wire(), body,
						vouched.orElse(null));
				if (draft.unclear()) {
					this.store.flagTypeUnclear(receipt.id(), id);
				}
				filed.add(new MailOutcome.FiledReport(draft.type().wire(), draft.urls(), draft.ips(),
						receipt.trackingCode(), receipt.status(), draft.unclear()));
				List<String> targets = new ArrayList<>(draft.urls());
				targets.addAll(draft.ips());
				receipts.add(new MailReportsFiled.Filed(receipt.id(), receipt, draft.type().wire(), targets));
			}
			catch (InvalidInputException ex) {
				refused.add(ex.errors().toString());
				ex.errors()
					.stream()
					.filter((error) -> error.code().equals("suspended"))
					.findFirst()
					.ifPresent((error) -> suspended.add(error.message()));
			}
		}
		if (!suspended.isEmpty() && !thread.automatic()) {
			this.events.publishEvent(new MailNoticeRefused(stream(id),
					(parsed.reporterEmail() != null) ? parsed.reporterEmail() : sender, suspended.get(0)));
		}
		if (filed.isEmpty()) {
			return quarantine(id, parsed, format, sender, "no report could be filed: " + String.join("; ", refused));
		}
		String receiptTo = (parsed.reporterEmail() != null) ? parsed.reporterEmail() : sender;
		if (!thread.automatic()) {
			// a receipt answers the message: never to one a machine sent (RFC 3834)
			this.events.publishEvent(new MailReportsFiled(stream(id), receiptTo,
					firstNonBlank(parsed.reporterName(), parsed.fromName()), receipts));
		}
		String reason = refused.isEmpty() ? null : "some reports refused: " + String.join("; ", refused);
		this.store.finish(id, parsed, "accepted", format, reason, problemsJson(parsed.problems()));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("format", format.wire());
		facts.put("sender", sender);
		facts.put("feed", feed.isPresent());
		if (parsed.notifier() != null) {
			facts.put("notifier", parsed.notifier());
		}
		if (!unclear.isEmpty()) {
			facts.put("type_unclear", true);
		}
		facts.put("reports", filed.stream().map(MailOutcome.FiledReport::trackingCode).toList());
		this.audit.append(stream(id), "system", "mail.accepted", facts);
		return new MailOutcome(id, format, "accepted", filed, reason);
	}

	/**
	 * A message that answers one of ours (by its references, or a tracking code in its
	 * subject) goes into the case's correspondence, not into a new report.
	 */
	private Optional<MailOutcome> threaded(long id, ParsedMessage parsed, MailFormat format, String sender) {
		MailThread thread = parsed.thread();
		MailReplies threading = (this.replies != null) ? this.replies.getIfAvailable() : null;
		boolean answersUs = thread.referencedIds().stream().anyMatch((ref) -> ref.endsWith(OUR_MESSAGE_IDS));
		List<String> codes = new ArrayList<>(TrackingCodesInText.in(parsed.subject()));
		if (answersUs) {
			// an answer to a digest names its reports in the quoted text
			TrackingCodesInText.in(thread.text()).stream().filter((code) -> !codes.contains(code)).forEach(codes::add);
		}
		List<Long> reportIds = this.store.reportsByTrackingCode(codes);
		if (threading == null || (!answersUs && reportIds.isEmpty())) {
			return Optional.empty();
		}
		String kind = thread.bounce() ? "bounce" : (thread.autoSubmitted() != null) ? "auto_reply" : "reply";
		Optional<Long> caseId = threading.thread(new MailReplies.MailReply(id, thread.referencedIds(), reportIds,
				sender, parsed.subject(), thread.text(), kind));
		// a reporter's reply asking for an appeal of a denial (issue 13)
		MailAppeals appeals = (this.appeals != null) ? this.appeals.getIfAvailable() : null;
		Optional<String> appeal = (appeals != null && kind.equals("reply") && !reportIds.isEmpty())
				? appeals.appeal(new MailAppeals.MailAppeal(id, reportIds, sender, thread.text())) : Optional.empty();
		if (caseId.isEmpty()) {
			return appeal.map((filed) -> settle(id, parsed, format, sender, "threaded", filed));
		}
		return Optional.of(settle(id, parsed, format, sender, "threaded",
				"case:" + caseId.get() + appeal.map((filed) -> "; " + filed).orElse("")));
	}

	/** Records a message that is neither filed nor quarantined: threaded or ignored. */
	private MailOutcome settle(long id, ParsedMessage parsed, MailFormat format, String sender, String status,
			String reason) {
		this.store.finish(id, parsed, status, format, reason, problemsJson(parsed.problems()));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", reason);
		facts.put("sender", (sender != null) ? sender : "(unknown)");
		this.audit.append(stream(id), "system", "mail." + status, facts);
		return new MailOutcome(id, format, status, List.of(), reason);
	}

	private MailOutcome quarantine(long id, ParsedMessage parsed, MailFormat format, String sender, String reason) {
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
		root.put("comments", "Received as " + stream(id) + "; original viewable by staff."
				+ (draft.unclear() ? " The message did not say what kind of abuse it reports: type_unclear." : ""));
		ObjectNode notify = root.putObject("notify");
		if (draft.type() == ReportType.DMCA) {
			// a copyright notice is forwarded with the complainant's contact (512(c)(3))
			CopyrightNotice.details(parsed).forEach(root::put);
			root.put("accuracy_statement", true);
			notify.put("host", "send");
			notify.put("owner", "send");
		}
		else {
			notify.put("host", "send-anon");
			notify.put("owner", "send-anon");
		}
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
