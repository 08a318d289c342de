package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;

import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Receives the abuse mailbox by SMTP, for providers whose MTA routes it straight in. Off
 * unless {@code abusedesk.mail-intake.smtp.port} is set. Mail is accepted only for the
 * configured recipients (this is not a relay). A message is acknowledged only once it is
 * stored; when it cannot be, the answer is 451 so that the sending MTA tries again later.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "abusedesk.mail-intake.smtp.port")
class SmtpListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

	private final MailIntake intake;

	private final MailIntakeProperties.Smtp smtp;

	private final int maxBytes;

	private final InetAddress bindAddress;

	/**
	 * The server while the desk runs: an SMTP server starts only once, so each start
	 * builds a new one (a stopped and restarted application context takes mail again).
	 */
	private volatile SMTPServer server;

	/** Whether {@link #server} has been started once, and so cannot be again. */
	private boolean started;

	SmtpListener(MailIntake intake, MailIntakeProperties properties) throws IOException {
		this.intake = intake;
		this.smtp = properties.smtp();
		this.maxBytes = properties.limits().maxMessageBytes();
		this.bindAddress = InetAddress.getByName(this.smtp.bindAddress());
		this.server = build();
	}

	private SMTPServer build() {
		return SMTPServer.port(this.smtp.port())
			.bindAddress(this.bindAddress)
			.hostName("abusedesk")
			.maxConnections(this.smtp.maxConnections())
			.maxMessageSize(this.maxBytes)
			.messageHandlerFactory((context) -> new Delivery(this.intake, this.smtp, this.maxBytes, context))
			.build();
	}

	/** The port listened on (the one allocated when configured as 0). */
	int port() {
		return this.server.getPortAllocated();
	}

	@Override
	public synchronized void start() {
		if (this.server.isRunning()) {
			return;
		}
		if (this.started) {
			this.server = build();
		}
		this.started = true;
		this.server.start();
		log.info("SMTP listener for the abuse mailbox on {}:{}", this.server.getBindAddress().orElse(null), port());
	}

	@Override
	public synchronized void stop() {
		this.server.stop();
	}

	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/** One SMTP transaction: MAIL FROM, RCPT TO..., DATA. */
	private static final class Delivery implements MessageHandler {

		private final MailIntake intake;

		private final MailIntakeProperties.Smtp smtp;

		private final int maxBytes;

		private String sender;

		Delivery(MailIntake intake, MailIntakeProperties.Smtp smtp, int maxBytes, MessageContext context) {
			this.intake = intake;
			this.smtp = smtp;
			this.maxBytes = maxBytes;
		}

		@Override
		public void from(String from) {
			this.sender = (from == null || from.isEmpty()) ? null : from;
		}

		@Override
		public void recipient(String recipient) throws RejectException {
			if (!this.smtp.accepts(recipient)) {
				throw new RejectException(550, "<" + recipient + ">: no such mailbox here");
			}
		}

		@Override
		public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
			byte[] raw = data.readNBytes(this.maxBytes + 1);
			if (raw.length > this.maxBytes) {
				throw new TooMuchDataException("The message is larger than " + this.maxBytes + " bytes.");
			}
			MailOutcome outcome;
			try {
				outcome = this.intake.receive(raw, "smtp", this.sender);
			}
			catch (RuntimeException ex) {
				log.error("Could not store a message from {}", this.sender, ex);
				throw new RejectException(451, "Temporary failure; please try again later");
			}
			return "queued as " + outcome.messageId() + " (" + outcome.status() + ")";
		}

		@Override
		public void done() {
		}

	}

}
