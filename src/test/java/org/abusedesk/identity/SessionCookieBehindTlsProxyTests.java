package org.abusedesk.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 12: the session cookie lacked {@code Secure} when served over TLS by a
 * proxy in front. With the README's settings for a TLS-terminating proxy (its headers
 * trusted from its own address only), a request the proxy marks as HTTPS gets a
 * {@code Secure} cookie.
 */
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1", "server.servlet.session.cookie.secure=true" })
class SessionCookieBehindTlsProxyTests extends IntegrationTest {

	private static final HttpClient client = HttpClient.newHttpClient();

	@Test
	void sessionCookieIsSecureBehindATlsTerminatingProxy() throws Exception {
		HttpResponse<String> page = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/report/phishing"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "198.51.100.7")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		List<String> cookies = page.headers().allValues("Set-Cookie");
		assertThat(cookies).isNotEmpty()
			.allSatisfy(
					(cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
	}

}
