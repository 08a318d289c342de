package org.abusedesk.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.abusedesk.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages by SMTP, at least once, over one connection for the whole
 * claimed batch: the messages the SMTP server took are recorded as sent in a short
 * transaction for each small group ({@link #RECORD_EVERY} messages, or fewer when the
 * batch ends or the connection fails). A node that dies mid-batch therefore sends again
 * at most the group in flight (taken by the server, not yet recorded), and each of those
 * carries the same Message-ID (derived from its idempotency key) and
 * {@code X-Abusedesk-Idempotency-Key}, so that the receiver can recognise it. A group,
 * not each message: one transaction per message cost the pipeline a fifth of its rate in
 * the benchmark (ADR 0010). Without an SMTP server configured nothing is sent and the
 * messages wait in the outbox.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final int BATCH = 50;

	/** How many messages the server took are recorded as sent together, at most. */
	static final int RECORD_EVERY = 8;

	static final int MAX_ATTEMPTS = 12;

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> mail;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final String from;

	private final Duration lease;

	private final OutboxNode node;

	@Autowired
	OutboxDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> mail, AuditLog audit,
			TransactionTemplate transaction, NotificationProperties properties, OutboxNode node) {
		this(outbox, mail, audit, transaction, properties.mail().from(), properties.outbox().lease(), node);
	}

	OutboxDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> mail, AuditLog audit,
			TransactionTemplate transaction, String from, Duration lease, OutboxNode node) {
		this.outbox = outbox;
		this.mail = mail;
		this.audit = audit;
		this.transaction = transaction;
		this.from = from;
		this.lease = lease;
		this.node = node;
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
		if (sender == null || !this.node.beginDelivery()) {
			return 0;
		}
		try {
			int sent = 0;
			while (sent < max) {
				long tenure = this.node.tenure();
				if (tenure < 0) {
					return sent;
				}
				int limit = Math.min(BATCH, max - sent);
				List<Outbox.Row> batch = this.transaction.execute((status) -> this.outbox.claim(limit, this.lease));
				if (batch == null || batch.isEmpty()) {
					return sent;
				}
				sent += deliver(sender, batch, tenure);
			}
			return sent;
		}
		finally {
			this.node.endDelivery();
		}
	}

	/**
	 * Sends a claimed batch over one SMTP connection (a connection per message made
	 * delivery, not intake, the limit) and records each message as sent as soon as the
	 * server took it. Stops, leaving the rest claimed, when this node no longer holds its
	 * claims (another node may be taking them over).
	 * @return how many were sent
	 */
	private int deliver(JavaMailSender sender, List<Outbox.Row> batch, long tenure) {
		int sent = 0;
		List<Outbox.Row> taken = new ArrayList<>(RECORD_EVERY);
		try (SmtpConnection connection = new SmtpConnection(sender)) {
			for (int i = 0; i < batch.size(); i++) {
				Outbox.Row row = batch.get(i);
				if (!this.node.holds(tenure)) {
					log.warn("Outbox node {} lost touch with the database; {} claimed messages left to others",
							this.node.id(), batch.size() - i);
					return sent + recordSent(taken);
				}
				MimeMessage message;
				try {
					message = toMime(sender, row);
				}
				catch (MessagingException ex) {
					failed(row, ex);
					continue;
				}
				try {
					connection.send(message);
				}
				catch (SmtpConnection.ConnectFailed ex) {
					// the server cannot be reached: the rest of the batch fails alike
					sent += recordSent(taken);
					batch.subList(i, batch.size()).forEach((rest) -> failed(rest, ex.getCause()));
					return sent;
				}
				catch (MessagingException | MailException ex) {
					failed(row, ex);
					continue;
				}
				taken.add(row);
				if (taken.size() >= RECORD_EVERY) {
					sent += recordSent(taken);
				}
			}
			sent += recordSent(taken);
		}
		return sent;
	}

	/**
	 * One short transaction for a group the server took: the outbox rows and their audit
	 * entries. Empties {@code taken}.
	 * @return how many were recorded (a message another node took over meanwhile is not)
	 */
	private int recordSent(List<Outbox.Row> taken) {
		if (taken.isEmpty()) {
			return 0;
		}
		List<Outbox.Row> group = List.copyOf(taken);
		taken.clear();
		Integer recorded = this.transaction.execute((status) -> {
			Set<Long> marked = this.outbox.markAllSent(group.stream().map(Outbox.Row::id).toList());
			List<AuditLog.Append> entries = new ArrayList<>(marked.size());
			for (Outbox.Row row : group) {
				if (marked.contains(row.id())) {
					entries.add(new AuditLog.Append(stream(row), "system", "notification.sent", Map.of("kind",
							row.kind(), "recipient", row.recipient(), "idempotency_key", row.idempotencyKey())));
				}
			}
			this.audit.appendAll(entries);
			return marked.size();
		});
		return (recorded != null) ? recorded : 0;
	}

	private void failed(Outbox.Row row, Throwable ex) {
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
		List<Attachment> attachments = Attachment.fromJson(row.attachments());
		if (attachments.isEmpty()) {
			message.setText(row.body(), StandardCharsets.UTF_8.name());
		}
		else {
			message.setContent(withAttachments(row.body(), attachments));
		}
		message.setHeader("X-Abusedesk-Idempotency-Key", row.idempotencyKey());
		return message;
	}

	/**
	 * The words and the files: one feedback report alone makes an RFC 5965 report
	 * ({@code multipart/report; report-type=feedback-report}), anything else
	 * {@code multipart/mixed}.
	 */
	static MimeMultipart withAttachments(String body, List<Attachment> attachments) throws MessagingException {
		boolean feedback = attachments.size() == 1
				&& attachments.get(0).contentType().equals(FeedbackReports.CONTENT_TYPE);
		MimeMultipart multipart = feedback ? new FeedbackMultipart() : new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(body, StandardCharsets.UTF_8.name());
		multipart.addBodyPart(text);
		for (Attachment attachment : attachments) {
			MimeBodyPart part = new MimeBodyPart();
			String type = attachment.contentType().startsWith("message/") ? attachment.contentType()
					: attachment.contentType() + "; charset=utf-8";
			part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
					attachment.content().getBytes(StandardCharsets.UTF_8), type)));
			part.setHeader("Content-Type", type);
			if (!feedback) {
				part.setFileName(attachment.filename());
			}
			multipart.addBodyPart(part);
		}
		return multipart;
	}

	/** {@code multipart/report; report-type=feedback-report} (RFC 5965). */
	private static final class FeedbackMultipart extends MimeMultipart {

		FeedbackMultipart() {
			super("report");
			this.contentType = this.contentType + "; report-type=feedback-report";
		}

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

	/**
	 * One SMTP connection for a batch, opened at the first message and opened again when
	 * the server dropped it. A sender that is not a {@link JavaMailSenderImpl} sends each
	 * message on its own.
	 */
	private static final class SmtpConnection implements AutoCloseable {

		private final JavaMailSender sender;

		private Transport transport;

		SmtpConnection(JavaMailSender sender) {
			this.sender = sender;
		}

		/** Returns once the server took the message. */
		void send(MimeMessage message) throws MessagingException, ConnectFailed {
			if (!(this.sender instanceof JavaMailSenderImpl impl)) {
				this.sender.send(message);
				return;
			}
			if (this.transport == null || !this.transport.isConnected()) {
				close();
				this.transport = connect(impl);
			}
			if (message.getSentDate() == null) {
				message.setSentDate(new Date());
			}
			message.saveChanges();
			Address[] recipients = message.getAllRecipients();
			this.transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
		}

		/** As {@link JavaMailSenderImpl} connects. */
		private static Transport connect(JavaMailSenderImpl impl) throws ConnectFailed {
			String username = impl.getUsername();
			String password = impl.getPassword();
			if ("".equals(username)) {
				username = null;
				if ("".equals(password)) {
					password = null;
				}
			}
			try {
				Session session = impl.getSession();
				String protocol = impl.getProtocol();
				if (protocol == null) {
					protocol = session.getProperty("mail.transport.protocol");
				}
				Transport transport = session
					.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
				transport.connect(impl.getHost(), impl.getPort(), username, password);
				return transport;
			}
			catch (MessagingException ex) {
				throw new ConnectFailed(ex);
			}
		}

		@Override
		public void close() {
			if (this.transport != null) {
				try {
					this.transport.close();
				}
				catch (MessagingException ex) {
					// the messages sent are taken; nothing to do about a failed QUIT
				}
				this.transport = null;
			}
		}

		static final class ConnectFailed extends Exception {

			ConnectFailed(MessagingException cause) {
				super(cause.getMessage(), cause);
			}

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
