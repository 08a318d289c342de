package org.abusedesk.actions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages by SMTP, at least once. Each message carries a Message-ID
 * derived from its idempotency key, so the rare resend (a node died after the SMTP server
 * took the message and before the outbox recorded it) is recognisable as the same
 * message. Without an SMTP server configured nothing is sent and the messages wait in the
 * outbox.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final int BATCH = 50;

	static final int MAX_ATTEMPTS = 12;

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> mail;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final String from;

	private final Duration lease;

	OutboxDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> mail, AuditLog audit,
			TransactionTemplate transaction, @Value("${abusedesk.mail.from:abuse@abusedesk.invalid}") String from,
			@Value("${abusedesk.outbox.lease:PT5M}") Duration lease) {
		this.outbox = outbox;
		this.mail = mail;
		this.audit = audit;
		this.transaction = transaction;
		this.from = from;
		this.lease = lease;
	}

	/** Whether an SMTP server is configured. */
	boolean canDeliver() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * Delivers due messages until none is left.
	 * @return how many were sent
	 */
	int dispatchDue() {
		return dispatch(Integer.MAX_VALUE);
	}

	/** Delivers at most {@code max} due messages. */
	int dispatch(int max) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		while (sent < max) {
			int limit = Math.min(BATCH, max - sent);
			List<Outbox.Row> batch = this.transaction.execute((status) -> this.outbox.claim(limit, this.lease));
			if (batch == null || batch.isEmpty()) {
				return sent;
			}
			sent += deliver(sender, batch);
		}
		return sent;
	}

	/**
	 * Sends a claimed batch over one SMTP connection (a connection per message made
	 * delivery, not intake, the limit) and records the sent ones in one transaction.
	 * @return how many were sent
	 */
	private int deliver(JavaMailSender sender, List<Outbox.Row> batch) {
		Map<Object, Outbox.Row> rows = new LinkedHashMap<>();
		for (Outbox.Row row : batch) {
			try {
				rows.put(toMime(sender, row), row);
			}
			catch (MessagingException ex) {
				failed(row, ex);
			}
		}
		Map<Object, Exception> failures = new HashMap<>();
		try {
			sender.send(rows.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			// only the messages named failed; a failure to close after sending names none
			failures.putAll(ex.getFailedMessages());
		}
		catch (MailException ex) {
			rows.keySet().forEach((message) -> failures.put(message, ex));
		}
		List<Outbox.Row> delivered = new ArrayList<>();
		rows.forEach((message, row) -> {
			Exception failure = failures.get(message);
			if (failure != null) {
				failed(row, failure);
			}
			else {
				delivered.add(row);
			}
		});
		// in three statements; appendAll takes the streams' head locks in the order of
		// their names, so two deliverers (this node's wake-up and poll, or two nodes)
		// cannot deadlock
		Integer recorded = this.transaction.execute((status) -> {
			Set<Long> sent = this.outbox.markAllSent(delivered.stream().map(Outbox.Row::id).toList());
			this.audit.appendAll(delivered.stream()
				.filter((row) -> sent.contains(row.id()))
				.map((row) -> new AuditLog.Append(stream(row), "system", "notification.sent",
						Map.of("kind", row.kind(), "recipient", row.recipient(), "idempotency_key",
								row.idempotencyKey())))
				.toList());
			return sent.size();
		});
		return (recorded != null) ? recorded : 0;
	}

	private void failed(Outbox.Row row, Exception ex) {
		boolean giveUp = row.attempts() >= MAX_ATTEMPTS;
		Duration retryIn = backoff(row.attempts());
		log.warn("Delivery of outbox message {} to {} failed (attempt {}): {}", row.id(), row.recipient(),
				row.attempts(), ex.getMessage());
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.markFailed(row.id(), String.valueOf(ex.getMessage()), retryIn, giveUp);
			if (giveUp) {
				this.audit.append(stream(row), "system", "notification.failed",
						Map.of("idempotency_key", row.idempotencyKey(), "attempts", row.attempts()));
			}
		});
	}

	static Duration backoff(int attempts) {
		long seconds = 30L << Math.min(attempts - 1, 10);
		return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(6).toSeconds()));
	}

	private static String stream(Outbox.Row row) {
		return (row.reportId() != null) ? "report:" + row.reportId() : "outbox";
	}

	private MimeMessage toMime(JavaMailSender sender, Outbox.Row row) throws MessagingException {
		Session session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
		MimeMessage message = new KeyedMimeMessage(session, messageId(row.idempotencyKey()));
		message.setFrom(new InternetAddress(this.from));
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(row.recipient()));
		message.setSubject(row.subject(), StandardCharsets.UTF_8.name());
		message.setText(row.body(), StandardCharsets.UTF_8.name());
		message.setHeader("X-Abusedesk-Idempotency-Key", row.idempotencyKey());
		return message;
	}

	static String messageId(String idempotencyKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@abusedesk>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keeps the Message-ID we set instead of a random one. */
	private static final class KeyedMimeMessage extends MimeMessage {

		private final String messageId;

		KeyedMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
