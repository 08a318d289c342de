package org.abusedesk.mailbox.internal;

import org.abusedesk.intake.MailIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the configured abuse mailbox. Off unless {@code abusedesk.mail-intake.imap.host}
 * is set, and off in one-shot commands ({@code abusedesk.jobs.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "abusedesk.mail-intake.imap.host")
class ImapPoller {

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	private final ImapMailbox mailbox;

	private final boolean configured;

	ImapPoller(MailIntakeProperties properties, MailIntake intake) {
		this.mailbox = new ImapMailbox(properties.imap(), intake);
		this.configured = properties.imap().host() != null && !properties.imap().host().isBlank();
	}

	@Scheduled(initialDelay = 10_000, fixedDelayString = "${abusedesk.mail-intake.imap.poll-interval:PT1M}")
	void poll() {
		if (!this.configured) {
			return;
		}
		try {
			int moved = this.mailbox.poll();
			if (moved > 0) {
				log.info("abuse mailbox: {} message(s) received", moved);
			}
		}
		catch (Exception ex) {
			// the messages stay in the mailbox; the next poll tries again
			log.warn("abuse mailbox poll failed: {}", ex.toString());
		}
	}

}
