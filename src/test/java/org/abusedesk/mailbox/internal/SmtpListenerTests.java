package org.abusedesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The abuse mailbox by SMTP: a real client delivers to the listener, which every
 * integration test's desk runs (on a free port, {@link IntegrationTest}).
 */
class SmtpListenerTests extends IntegrationTest {

	@Autowired
	private SmtpListener listener;

	@Autowired
	private JdbcClient jdbc;

	private Session session() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.listener.port()));
		return Session.getInstance(properties);
	}

	@Test
	void storesAndFilesAMessageForTheAbuseMailbox() throws Exception {
		// a header of its own, so that no other test has stored these bytes already
		byte[] fixture = Fixtures.bytes("arf.eml");
		byte[] raw = concat(("X-Test-Id: " + java.util.UUID.randomUUID() + "\r\n").getBytes(), fixture);
		MimeMessage message = new MimeMessage(session(), new ByteArrayInputStream(raw));
		long before = countFromSmtp();

		Transport.send(message, new Address[] { new InternetAddress("abuse@desk.example") });

		assertThat(countFromSmtp()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("select format from mail_message where channel = 'smtp' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("arf");
	}

	/**
	 * Found by issue 20: a desk whose application is stopped and started again (as the
	 * tests' shared desk is when another is used meanwhile) failed to start, as an SMTP
	 * server starts only once.
	 */
	@Test
	void takesMailAgainAfterTheDeskStopsAndStartsAgain() throws Exception {
		this.listener.stop();
		assertThat(this.listener.isRunning()).isFalse();
		this.listener.start();
		assertThat(this.listener.isRunning()).isTrue();
		byte[] raw = concat(("X-Test-Id: " + java.util.UUID.randomUUID() + "\r\n").getBytes(),
				Fixtures.bytes("arf.eml"));
		long before = countFromSmtp();

		Transport.send(new MimeMessage(session(), new ByteArrayInputStream(raw)),
				new Address[] { new InternetAddress("abuse@desk.example") });

		assertThat(countFromSmtp()).isEqualTo(before + 1);
	}

	@Test
	void isNotARelay() throws Exception {
		MimeMessage message = new MimeMessage(session(), new ByteArrayInputStream(Fixtures.bytes("arf.eml")));
		assertThatExceptionOfType(SendFailedException.class)
			.isThrownBy(
					() -> Transport.send(message, new Address[] { new InternetAddress("someone@elsewhere.example") }))
			.satisfies((ex) -> assertThat(ex.getNextException()).hasMessageContaining("550")
				.hasMessageContaining("no such mailbox here"));
	}

	private static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private long countFromSmtp() {
		return this.jdbc.sql("select count(*) from mail_message where channel = 'smtp'").query(Long.class).single();
	}

}
