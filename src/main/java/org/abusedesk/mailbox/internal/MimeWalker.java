package org.abusedesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Flattens a message into its leaves, tolerantly and within {@link MailLimits}: nested
 * multiparts, attached messages and zip attachments. Where the structure is broken it
 * keeps the part's raw bytes as one leaf, so that the text reader still sees them.
 */
final class MimeWalker {

	static {
		// Jakarta Mail looks its stream provider up through the ServiceLoader for every
		// header block it parses (a jar scan each time); naming the provider skips the
		// scan and makes parsing several times faster. Only set when nobody chose one.
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	static final Session SESSION = Session.getInstance(lenientProperties());

	private final MailLimits limits;

	private final List<MailPart> parts = new ArrayList<>();

	private final List<String> problems;

	private int zipEntries;

	private long zipBytes;

	private boolean partLimitNoted;

	MimeWalker(MailLimits limits, List<String> problems) {
		this.limits = limits;
		this.problems = problems;
	}

	private static Properties lenientProperties() {
		Properties properties = new Properties();
		// real senders get every one of these wrong; reading on beats refusing
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.parameters.strict", "false");
		properties.setProperty("mail.mime.decodetext.strict", "false");
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
		properties.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
		properties.setProperty("mail.mime.multipart.allowempty", "true");
		properties.setProperty("mail.mime.ignoreunknownencoding", "true");
		return properties;
	}

	static MimeMessage message(byte[] raw) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
	}

	List<MailPart> walk(Part part) {
		visit(part, 0);
		return this.parts;
	}

	private void visit(Part part, int depth) {
		if (depth > this.limits.maxMimeDepth()) {
			this.problems.add("MIME nesting deeper than " + this.limits.maxMimeDepth() + " levels; not read");
			return;
		}
		if (!room()) {
			return;
		}
		String contentType = contentType(part);
		String base = contentType.toLowerCase(java.util.Locale.ROOT);
		if (base.startsWith("multipart/")) {
			try {
				// parsed straight from the bytes: the activation framework's lookup of a
				// content handler costs more than the parse itself
				Multipart multipart = new MimeMultipart(new ByteArrayDataSource(raw(part), contentType));
				for (int i = 0; i < multipart.getCount(); i++) {
					visit(multipart.getBodyPart(i), depth + 1);
				}
				return;
			}
			catch (MessagingException | RuntimeException ex) {
				this.problems.add("broken multipart at depth " + depth + " (" + ex.getMessage() + "); read as text");
			}
			add(new MailPart("text/plain", null, raw(part), depth));
			return;
		}
		byte[] body = decoded(part);
		String fileName = fileName(part);
		add(new MailPart(contentType, fileName, body, depth));
		if (base.startsWith("message/rfc822") || base.startsWith("message/global")) {
			try {
				visit(message(body), depth + 1);
			}
			catch (MessagingException | RuntimeException ex) {
				this.problems.add("unreadable attached message: " + ex.getMessage());
			}
		}
		else if (base.contains("zip")
				|| (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))) {
			unzip(body, 1, depth + 1);
		}
	}

	private boolean room() {
		if (this.parts.size() < this.limits.maxParts()) {
			return true;
		}
		if (!this.partLimitNoted) {
			this.problems.add("more than " + this.limits.maxParts() + " parts; the rest not read");
			this.partLimitNoted = true;
		}
		return false;
	}

	private void add(MailPart part) {
		if (room()) {
			this.parts.add(part);
		}
	}

	/**
	 * Counts what is actually expanded, not what the entries declare: a zip bomb lies
	 * about its sizes.
	 */
	private void unzip(byte[] zip, int zipDepth, int depth) {
		if (zipDepth > this.limits.maxZipDepth()) {
			this.problems.add("zip nested deeper than " + this.limits.maxZipDepth() + "; not expanded");
			return;
		}
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				if (++this.zipEntries > this.limits.maxZipEntries()) {
					this.problems.add("more than " + this.limits.maxZipEntries() + " zip entries; the rest not read");
					return;
				}
				long room = this.limits.maxZipExpandedBytes() - this.zipBytes;
				byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
				if (body.length > room) {
					this.problems.add("zip expands to more than " + this.limits.maxZipExpandedBytes()
							+ " bytes; stopped at " + entry.getName());
					this.zipBytes = this.limits.maxZipExpandedBytes();
					return;
				}
				this.zipBytes += body.length;
				String name = entry.getName();
				add(new MailPart(typeOf(name), name, body, depth));
				if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
					unzip(body, zipDepth + 1, depth + 1);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			this.problems.add("unreadable zip attachment: " + ex.getMessage());
		}
	}

	private static String typeOf(String name) {
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".json")) {
			return "application/json";
		}
		if (lower.endsWith(".zip")) {
			return "application/zip";
		}
		if (lower.endsWith(".csv")) {
			return "text/csv";
		}
		if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
			return "text/yaml";
		}
		if (lower.endsWith(".txt") || lower.endsWith(".log")) {
			return "text/plain";
		}
		if (lower.endsWith(".eml")) {
			return "message/rfc822";
		}
		return "application/octet-stream";
	}

	private static String contentType(Part part) {
		try {
			String type = part.getContentType();
			return (type == null || type.isBlank()) ? "text/plain" : type.replaceAll("\\s+", " ").strip();
		}
		catch (MessagingException | RuntimeException ex) {
			return "text/plain";
		}
	}

	private static String fileName(Part part) {
		try {
			return part.getFileName();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private byte[] decoded(Part part) {
		try (InputStream in = (part instanceof MimePart mime) ? MimeUtility.decode(rawStream(mime), encoding(mime))
				: part.getInputStream()) {
			return in.readAllBytes();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			this.problems.add("undecodable part (" + ex.getMessage() + "); kept as sent");
			return raw(part);
		}
	}

	private static InputStream rawStream(MimePart part) throws MessagingException {
		if (part instanceof MimeBodyPart body) {
			return body.getRawInputStream();
		}
		return ((MimeMessage) part).getRawInputStream();
	}

	private static String encoding(MimePart part) {
		try {
			String encoding = part.getEncoding();
			return (encoding == null) ? "7bit" : encoding.strip();
		}
		catch (MessagingException | RuntimeException ex) {
			return "7bit";
		}
	}

	private static byte[] raw(Part part) {
		try {
			if (part instanceof MimeBodyPart body) {
				try (InputStream in = body.getRawInputStream()) {
					return in.readAllBytes();
				}
			}
			if (part instanceof MimeMessage message) {
				try (InputStream in = message.getRawInputStream()) {
					return in.readAllBytes();
				}
			}
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			// nothing more to recover
		}
		return new byte[0];
	}

}
