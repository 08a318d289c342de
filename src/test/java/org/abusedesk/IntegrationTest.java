package org.abusedesk;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on a real PostgreSQL (the embedded
 * one, or the external one given by {@code -Dabusedesk.test.datasource-url=}) and a real
 * SMTP server (GreenMail) and webhook endpoint. All of them share one application
 * context.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	private Environment environment;

	@Autowired
	protected JdbcClient jdbc;

	/** One SMTP server for the whole test run, on a free port. */
	protected static final GreenMail smtp = startSmtp();

	/** One CyberTipline reporting API for the whole test run (issue 15). */
	protected static final NcmecReceiver ncmec = NcmecReceiver.start();

	/**
	 * One storage API for the whole test run, the content source of hosts under
	 * {@code pages.example} (issue 16).
	 */
	protected static final ContentSource contentSource = ContentSource.start();

	/** One webhook endpoint for the whole test run, configured as the edge's. */
	protected static final WebhookReceiver webhooks = WebhookReceiver.start();

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	@DynamicPropertySource
	static void smtpProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		// a sender address in a real top-level domain, as X-ARF contacts must be
		// (DigestTests)
		registry.add("abusedesk.mail.from", () -> "abuse@abusedesk-tests.net");
		registry.add("abusedesk.webhooks.endpoints[0].url", webhooks::url);
		registry.add("abusedesk.webhooks.endpoints[0].secret", () -> WebhookReceiver.SECRET);
		registry.add("abusedesk.webhooks.allow-private", () -> "true");
		registry.add("abusedesk.referrals.ncmec.url", ncmec::url);
		registry.add("abusedesk.referrals.ncmec.username", () -> "abusedesk-test");
		registry.add("abusedesk.referrals.ncmec.password", () -> "test-password");
		registry.add("abusedesk.referrals.ncmec.contact-email", () -> "legal@provider.example");
		registry.add("abusedesk.referrals.authorities.DE.name", () -> "BKA");
		registry.add("abusedesk.referrals.authorities.DE.email", () -> "referrals@bka.example");
		registry.add("abusedesk.referrals.fallback.name", () -> "Europol");
		registry.add("abusedesk.referrals.fallback.email", () -> "referrals@europol.example");
		registry.add("abusedesk.campaigns.policy-phrases[0]", () -> "hateful conduct");
		registry.add("abusedesk.content.snapshots.sources[0].name", () -> "pages-storage");
		registry.add("abusedesk.content.snapshots.sources[0].url-template",
				() -> contentSource.url() + "/objects/{host}{path}");
		registry.add("abusedesk.content.snapshots.sources[0].hosts[0]", () -> "pages.example");
		registry.add("abusedesk.content.snapshots.max-bytes", () -> "65536");
		// the abuse mailbox's own SMTP listener, on a free port (SmtpListenerTests)
		registry.add("abusedesk.mail-intake.smtp.port", () -> "0");
		registry.add("abusedesk.mail-intake.smtp.recipients", () -> "abuse@desk.example,@abuse.desk.example");
	}

	/**
	 * The one value {@code sql} answers, its {@code ?} bound to {@code params} in order.
	 */
	protected <T> T queryOne(Class<T> type, String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(type).single();
	}

	/**
	 * Every value {@code sql} answers, its {@code ?} bound to {@code params} in order.
	 */
	protected <T> List<T> queryList(Class<T> type, String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(type).list();
	}

	/** Waits until {@code sql} (as {@link #queryOne}) answers {@code expected}. */
	protected void awaitValue(Object expected, String sql, Object... params) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> expected.equals(queryOne(expected.getClass(), sql, params)));
	}

	/** A client for this test's application. */
	protected Api api() {
		return new Api(this.port);
	}

	/** The messages the SMTP server received for {@code recipient}. */
	protected static List<MimeMessage> messagesTo(String recipient) {
		return messagesTo(recipient, "");
	}

	/** The messages to {@code recipient} whose subject starts with {@code subject}. */
	protected static List<MimeMessage> messagesTo(String recipient, String subject) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				Address[] to = message.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch((a) -> a.toString().equalsIgnoreCase(recipient))
						&& message.getSubject().startsWith(subject);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Waits for the one message to {@code recipient} whose subject starts so. */
	protected static MimeMessage awaitMessageTo(String recipient, String subject) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> !messagesTo(recipient, subject).isEmpty());
		List<MimeMessage> messages = messagesTo(recipient, subject);
		org.assertj.core.api.Assertions.assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	protected static String body(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (java.io.IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts another application node (no web server, no background jobs) on this test's
	 * database and SMTP server, for tests of what several nodes do at once. Close it.
	 * @param properties more {@code name=value} properties for that node
	 */
	protected ConfigurableApplicationContext startNode(String... properties) {
		List<String> all = new java.util.ArrayList<>(
				List.of("spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
						"spring.datasource.username=" + this.environment.getProperty("spring.datasource.username", ""),
						"spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
						"abusedesk.jobs.enabled=false", "abusedesk.referrals.ncmec.url=" + ncmec.url(),
						"spring.modulith.events.republish-outstanding-events-on-restart=false"));
		String password = this.environment.getProperty("spring.datasource.password");
		if (password != null) {
			all.add("spring.datasource.password=" + password);
		}
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(AbusedeskApplication.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/** Waits at {@code barrier}, so that several threads act at the same moment. */
	protected static void awaitTogether(java.util.concurrent.CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
