package org.abusedesk.intake.mail;

import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.abusedesk.IntegrationTest;
import org.abusedesk.intake.MailIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller against GreenMail as a real IMAP server. */
class ImapMailboxTests extends IntegrationTest {

	@Autowired
	private MailIntake intake;

	@Autowired
	private JdbcClient jdbc;

	private GreenMail imap;

	@BeforeEach
	void startImap() {
		this.imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		this.imap.start();
	}

	@AfterEach
	void stopImap() {
		this.imap.stop();
	}

	@Test
	void storesEveryMessageThenMovesItToTheProcessedFolder() throws Exception {
		String id = UUID.randomUUID().toString();
		GreenMailUser user = this.imap.setUser("abuse@provider.example", "abuse", "secret");
		user.deliver(GreenMailUtil.newMimeMessage(
				"From: a-" + id + "@people.example\r\nSubject: spam " + id + "\r\n\r\nspam from 192.0.2.41\r\n"));
		user.deliver(GreenMailUtil
			.newMimeMessage("From: b-" + id + "@people.example\r\nSubject: hi " + id + "\r\n\r\nnothing here\r\n"));
		MailIntakeProperties.Imap settings = new MailIntakeProperties.Imap("127.0.0.1", this.imap.getImap().getPort(),
				false, "abuse", "secret", "INBOX", "Processed", null);
		ImapMailbox mailbox = new ImapMailbox(settings, this.intake);

		assertThat(mailbox.poll()).isEqualTo(2);
		assertThat(mailbox.poll()).isZero();

		assertThat(this.jdbc.sql("select status from mail_message where channel = 'imap' and header_sender like :s")
			.param("s", "%-" + id + "@people.example")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("accepted", "quarantined");
		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", this.imap.getImap().getPort(), "abuse", "secret");
			assertThat(store.getFolder("INBOX").getMessageCount()).isZero();
			Folder processed = store.getFolder("Processed");
			assertThat(processed.getMessageCount()).isEqualTo(2);
		}
	}

}
