package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads an abuse message: bytes in, {@link ParsedMessage} out. A pure library (no Spring,
 * no database), so that it can be fuzzed and benchmarked. It never throws: whatever it
 * cannot read becomes a problem in the result, and the caller decides (quarantine).
 */
public final class MailParser {

	private final MailLimits limits;

	private final ArfReader arf = new ArfReader();

	private final XarfReader xarf = new XarfReader();

	private final TextReader text = new TextReader();

	private final NotifierRegistry notifiers;

	/** A parser that knows the shipped notifiers only. */
	public MailParser(MailLimits limits) {
		this(limits, NotifierRegistry.shipped());
	}

	MailParser(MailLimits limits, NotifierRegistry notifiers) {
		this.limits = limits;
		this.notifiers = notifiers;
	}

	/**
	 * @param raw the message exactly as received
	 * @return what could be read; {@link ParsedMessage#problems()} says what could not
	 */
	public ParsedMessage parse(byte[] raw) {
		List<String> problems = new ArrayList<>();
		try {
			return parse(raw, problems);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// a last guard: a reader's bug must not cost the message
			problems.add("parser failure: " + ex);
			return ParsedMessage.unread(problems);
		}
	}

	private ParsedMessage parse(byte[] raw, List<String> problems) {
		if (raw.length > this.limits.maxMessageBytes()) {
			problems.add("message larger than " + this.limits.maxMessageBytes() + " bytes; not parsed");
			return ParsedMessage.unread(problems);
		}
		MimeMessage message;
		try {
			message = MimeWalker.message(lineEndings(raw));
		}
		catch (MessagingException ex) {
			problems.add("not a readable message: " + ex.getMessage());
			return ParsedMessage.unread(problems);
		}
		List<MailPart> parts = new MimeWalker(this.limits, problems).walk(message);
		MailView mail = new MailView((name) -> headerValues(message, name), subject(message), parts);
		TargetExtractor targets = new TargetExtractor(this.limits.maxTargets(),
				new ExtractionBudget(this.limits.maxExtractionReads()), problems);
		InternetAddress from = from(mail.header("From"));
		String fromAddress = (from != null) ? from.getAddress() : null;
		Optional<Reading> reading = ArfReader.declared(mail) ? this.arf.read(mail, targets, problems)
				: Optional.empty();
		if (reading.isEmpty()) {
			Optional<Notifier> notifier = this.notifiers.match(mail, fromAddress);
			if (notifier.isPresent()) {
				reading = new NotifierReader(notifier.get()).read(mail, targets, problems);
			}
		}
		if (reading.isEmpty()) {
			reading = this.xarf.read(mail, targets, problems);
		}
		if (reading.isEmpty()) {
			reading = this.arf.read(mail, targets, problems);
		}
		if (reading.isEmpty()) {
			reading = this.text.read(mail, targets, problems);
		}
		Reading found = reading.orElseThrow();
		return new ParsedMessage(found.format(), mail.header("Message-ID"), fromAddress,
				(from != null) ? from.getPersonal() : null, mail.subject(), mail.header("Authentication-Results"),
				found.category(), found.reporterName(), found.reporterEmail(), found.organisation(), found.targets(),
				found.evidence(), List.copyOf(problems), found.notifier(), found.details(),
				MailThread.of(mail, fromAddress));
	}

	/**
	 * Old Mac mailers end lines with CR alone, which the MIME boundary scan does not see;
	 * only such messages are rewritten (a binary part in a CRLF message stays untouched).
	 */
	static byte[] lineEndings(byte[] raw) {
		for (byte b : raw) {
			if (b == '\n') {
				return raw;
			}
		}
		byte[] copy = Arrays.copyOf(raw, raw.length);
		for (int i = 0; i < copy.length; i++) {
			if (copy[i] == '\r') {
				copy[i] = '\n';
			}
		}
		return copy;
	}

	private static List<String> headerValues(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return (values == null) ? List.of() : List.of(values);
		}
		catch (MessagingException | RuntimeException ex) {
			return List.of();
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException | RuntimeException ex) {
			List<String> raw = headerValues(message, "Subject");
			return raw.isEmpty() ? null : raw.get(0);
		}
	}

	private static InternetAddress from(String header) {
		if (header == null) {
			return null;
		}
		try {
			InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
			if (addresses.length > 0 && addresses[0].getAddress() != null && addresses[0].getAddress().contains("@")) {
				return addresses[0];
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// fall through to the plain search below
		}
		String found = addressIn(header);
		if (found == null) {
			return null;
		}
		InternetAddress address = new InternetAddress();
		address.setAddress(found);
		return address;
	}

	/**
	 * The first word (between white space, angle brackets and double quotes) with an
	 * {@code @} inside it, as the pattern {@code [^\s<>"]+@[^\s<>"]+} found it, but in
	 * one pass: the pattern read to the end of a long word from each of its characters.
	 */
	static String addressIn(CharSequence header) {
		int length = header.length();
		int start = 0;
		while (start < length) {
			int end = start;
			int firstInnerAt = -1;
			while (end < length) {
				char c = header.charAt(end);
				if (endsWord(c)) {
					break;
				}
				if (c == '@' && end > start && firstInnerAt < 0) {
					firstInnerAt = end;
				}
				end++;
			}
			if (firstInnerAt >= 0 && firstInnerAt < end - 1) {
				return header.subSequence(start, end).toString();
			}
			start = end + 1;
		}
		return null;
	}

	private static boolean endsWord(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '<' || c == '>'
				|| c == '"';
	}

}
