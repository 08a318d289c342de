package org.abusedesk.notifications.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12, item 10: 100.64.0.0/10, 198.18.0.0/15 and IPv4-mapped or NAT64 IPv6 forms
 * were not treated as private, and host names were not resolved before the check.
 */
class WebhookAddressCheckTests {

	private static final String SECRET = "a-secret-of-sixteen-or-more";

	@ParameterizedTest
	@ValueSource(strings = { "100.64.0.1", "100.127.255.254", "198.18.0.1", "198.19.255.255", "10.1.2.3", "172.31.0.1",
			"192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[::]",
			"[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]",
			"[64:ff9b:1::1]", "[2002:c0a8:0101::1]", "[::127.0.0.1]", "[fd00::1]", "[fe80::1]", "[ff02::1]",
			"[2001:db8::1]", "localhost", "api.localhost" })
	void webhookToNonPublicAddressIsRefused(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint("https://" + host + "/hook"))
			.withMessageContaining("non-public")
			.withMessageContaining(host);
	}

	@ParameterizedTest
	@ValueSource(strings = { "100.63.255.255", "100.128.0.1", "198.17.255.255", "198.20.0.1", "8.8.8.8",
			"[2606:4700::1]", "[64:ff9b::808:808]", "[2002:0808:0808::1]" })
	void webhookToPublicAddressIsAccepted(String host) {
		assertThatNoException().isThrownBy(() -> endpoint("https://" + host + "/hook"));
	}

	@Test
	void hostNamesAreResolvedBeforeTheCheck() throws Exception {
		// this machine's own name resolves to a loopback or private address wherever the
		// tests run (/etc/hosts); the check must see through the name
		String name = InetAddress.getLocalHost().getHostName();
		boolean local = Arrays.stream(InetAddress.getAllByName(name))
			.anyMatch((address) -> address.isLoopbackAddress() || address.isSiteLocalAddress());
		assumeTrue(local && !name.equalsIgnoreCase("localhost"), "this machine's name resolves to " + name);
		assertThat(NonPublicAddresses.isNonPublic(name, false)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint("https://" + name + ":8443/hook"));
		assertThat(NonPublicAddresses.isNonPublic("no-such-host.invalid", true)).isTrue();
		assertThat(NonPublicAddresses.isNonPublic("no-such-host.invalid", false)).isFalse();
	}

	@Test
	void allowPrivateLetsTheOperatorNameAPrivateEdge() {
		assertThatNoException().isThrownBy(() -> new WebhookProperties(
				List.of(new WebhookProperties.Endpoint("http://100.64.0.1/hook", SECRET)), true));
	}

	private static WebhookProperties endpoint(String url) {
		return new WebhookProperties(List.of(new WebhookProperties.Endpoint(url, SECRET)), false);
	}

}
