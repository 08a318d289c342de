package org.abusedesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
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

	/** One SMTP server for the whole test run, on a free port. */
	protected static final GreenMail smtp = startSmtp();

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
		registry.add("abusedesk.webhooks.endpoints[0].url", webhooks::url);
		registry.add("abusedesk.webhooks.endpoints[0].secret", () -> WebhookReceiver.SECRET);
		registry.add("abusedesk.webhooks.allow-private", () -> "true");
	}

}
