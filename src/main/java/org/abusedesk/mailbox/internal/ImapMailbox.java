package org.abusedesk.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.abusedesk.intake.MailIntake;

/**
 * One IMAP(S) mailbox: every message in the folder is handed to the intake and then moved
 * to the processed folder. A message leaves the folder only after the intake has stored
 * it; if storing fails, the poll stops and the message waits for the next one. Two nodes
 * polling the same mailbox at once store a message once (its hash) and the second sees a
 * duplicate. It signs in with a password or, with {@code auth=xoauth2}, with an OAuth 2.0
 * access token (SASL XOAUTH2), as the large mail providers require.
 */
final class ImapMailbox {

	private final MailIntakeProperties.Imap settings;

	private final MailIntake intake;

	private final OAuth2AccessTokens tokens;

	ImapMailbox(MailIntakeProperties.Imap settings, MailIntake intake) {
		this.settings = settings;
		this.intake = intake;
		this.tokens = new OAuth2AccessTokens(settings.oauth2(), java.time.Clock.systemUTC());
	}

	/**
	 * @return how many messages were handed in and moved
	 */
	int poll() throws MessagingException, IOException {
		String protocol = this.settings.ssl() ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.setProperty("mail." + protocol + ".connectiontimeout", "30000");
		properties.setProperty("mail." + protocol + ".timeout", "60000");
		String secret = this.settings.password();
		if (this.settings.xoauth2()) {
			// AUTHENTICATE XOAUTH2 only: never fall back to sending a password
			properties.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
			properties.setProperty("mail." + protocol + ".auth.login.disable", "true");
			properties.setProperty("mail." + protocol + ".auth.plain.disable", "true");
			secret = this.tokens.accessToken();
		}
		Session session = Session.getInstance(properties);
		int moved = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(this.settings.host(), this.settings.effectivePort(), this.settings.username(), secret);
			Folder processed = store.getFolder(this.settings.processedFolder());
			if (!processed.exists()) {
				processed.create(Folder.HOLDS_MESSAGES);
			}
			Folder inbox = store.getFolder(this.settings.folder());
			inbox.open(Folder.READ_WRITE);
			try {
				for (Message message : inbox.getMessages()) {
					if (message.isSet(Flags.Flag.DELETED)) {
						continue;
					}
					ByteArrayOutputStream raw = new ByteArrayOutputStream();
					message.writeTo(raw);
					this.intake.receive(raw.toByteArray(), "imap", null);
					// stored and committed: only now may it leave the folder
					inbox.copyMessages(new Message[] { message }, processed);
					message.setFlag(Flags.Flag.DELETED, true);
					moved++;
				}
			}
			finally {
				inbox.close(true);
			}
		}
		return moved;
	}

}
