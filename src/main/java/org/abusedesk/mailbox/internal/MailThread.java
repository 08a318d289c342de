package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message says about the conversation it belongs to: the messages it answers, and
 * whether a machine sent it (RFC 3834 {@code Auto-Submitted}, a delivery status
 * notification, or abusedesk itself). A message a machine sent is never answered: that is
 * how mail loops start.
 *
 * @param referencedIds the Message-IDs of {@code In-Reply-To} and {@code References}, in
 * angle brackets, nearest first
 * @param autoSubmitted the {@code Auto-Submitted} value (lower case) when it is not
 * {@code no}, else {@code null}
 * @param bounce a delivery or disposition notification (RFC 3464, 8098), or a message
 * from a mailer daemon
 * @param ours sent by abusedesk (it carries our idempotency key header)
 * @param text the words for people (the first plain text part), at most
 * {@value #MAX_TEXT} characters
 */
public record MailThread(List<String> referencedIds, String autoSubmitted, boolean bounce, boolean ours, String text) {

	static final int MAX_TEXT = 20_000;

	static final MailThread NONE = new MailThread(List.of(), null, false, false, "");

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,250}>");

	private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster)@");

	public MailThread {
		referencedIds = List.copyOf(referencedIds);
		text = (text != null) ? ParsedMessage.printable(text) : "";
	}

	/** Whether a machine sent it, so that nothing may answer it. */
	public boolean automatic() {
		return this.autoSubmitted != null || this.bounce || this.ours;
	}

	static MailThread of(MailView mail, String fromAddress) {
		List<String> ids = new ArrayList<>();
		for (String header : List.of("In-Reply-To", "References")) {
			List<String> values = mail.headers().values(header);
			// References lists the oldest first; the nearest ancestor is its last
			List<String> found = new ArrayList<>();
			for (String value : values) {
				Matcher matcher = MESSAGE_ID.matcher(value);
				while (matcher.find() && found.size() < 50) {
					found.add(matcher.group());
				}
			}
			if (header.equals("References")) {
				java.util.Collections.reverse(found);
			}
			found.stream().filter((id) -> !ids.contains(id)).forEach(ids::add);
		}
		String auto = mail.header("Auto-Submitted");
		String autoSubmitted = (auto == null || auto.isBlank()
				|| auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) ? null
						: auto.strip().toLowerCase(Locale.ROOT);
		String contentType = mail.header("Content-Type");
		boolean report = contentType != null
				&& contentType.toLowerCase(Locale.ROOT).replace(" ", "").contains("report-type=delivery-status")
				|| contentType != null && contentType.toLowerCase(Locale.ROOT)
					.replace(" ", "")
					.contains("report-type=disposition-notification");
		boolean statusPart = mail.parts()
			.stream()
			.anyMatch((part) -> part.baseType().equals("message/delivery-status")
					|| part.baseType().equals("message/disposition-notification"));
		boolean daemon = fromAddress != null && DAEMON.matcher(fromAddress).find();
		boolean ours = mail.header("X-Abusedesk-Idempotency-Key") != null;
		String text = mail.humanText();
		return new MailThread(ids, autoSubmitted, report || statusPart || daemon, ours,
				(text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text);
	}

}
