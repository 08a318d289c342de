package org.abusedesk.mailbox.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.user.GreenMailUser;
import com.sun.net.httpserver.HttpServer;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	@Test
	void signsInWithAnOAuth2AccessTokenFetchedWithTheRefreshToken() throws Exception {
		String id = UUID.randomUUID().toString();
		// GreenMail answers AUTHENTICATE XOAUTH2, checking the bearer token as the
		// password
		GreenMailUser user = this.imap.setUser("oauth@provider.example", "oauth-" + id, "token-" + id);
		user.deliver(GreenMailUtil.newMimeMessage("From: c-" + id + "@people.example\r\nSubject: phishing " + id
				+ "\r\n\r\nphishing at http://kit-" + id + ".example/login\r\n"));
		List<String> requests = new CopyOnWriteArrayList<>();
		HttpServer tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		tokens.createContext("/token", (exchange) -> {
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.add(form);
			boolean known = form.contains("refresh_token=refresh-" + id);
			byte[] answer = (known ? "{\"access_token\": \"token-" + id + "\", \"expires_in\": 3600}"
					: "{\"error\": \"invalid_grant\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(known ? 200 : 400, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		tokens.start();
		try {
			String tokenUri = "http://127.0.0.1:" + tokens.getAddress().getPort() + "/token";
			ImapMailbox mailbox = new ImapMailbox(xoauth2("oauth-" + id, tokenUri, "refresh-" + id), this.intake);
			ImapMailbox revoked = new ImapMailbox(xoauth2("oauth-" + id, tokenUri, "revoked-" + id), this.intake);

			assertThatThrownBy(revoked::poll).hasMessageContaining("invalid_grant");
			assertThat(mailbox.poll()).isEqualTo(1);
			assertThat(mailbox.poll()).isZero();

			assertThat(requests).hasSize(2);
			assertThat(requests.get(1)).contains("grant_type=refresh_token")
				.contains("client_id=abusedesk")
				.contains("client_secret=s3cret");
			assertThat(this.jdbc.sql("select status from mail_message where channel = 'imap' and header_sender = :s")
				.param("s", "c-" + id + "@people.example")
				.query(String.class)
				.list()).containsExactly("accepted");
		}
		finally {
			tokens.stop(0);
		}
	}

	private MailIntakeProperties.Imap xoauth2(String username, String tokenUri, String refreshToken) {
		return new MailIntakeProperties.Imap("127.0.0.1", this.imap.getImap().getPort(), false, username, null, "INBOX",
				"Processed", null, "xoauth2",
				new MailIntakeProperties.OAuth2(tokenUri, "abusedesk", "s3cret", refreshToken, null, null));
	}

}
