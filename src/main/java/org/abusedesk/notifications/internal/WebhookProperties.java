package org.abusedesk.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code abusedesk.webhooks.*}: the edge systems told about every mitigation change.
 * Checked when the application starts and again before every delivery (a name may resolve
 * elsewhere later): only http(s) URLs, and no host that is or resolves to a non-public
 * address ({@link NonPublicAddresses}) unless {@code allow-private} says so (a webhook
 * must not become a way to reach the provider's internal network).
 *
 * @param endpoints where to post, each with its signing secret
 * @param allowPrivate allow non-public addresses (tests, a private edge network)
 */
@ConfigurationProperties("abusedesk.webhooks")
record WebhookProperties(List<Endpoint> endpoints, boolean allowPrivate) {

	WebhookProperties {
		endpoints = (endpoints != null) ? List.copyOf(endpoints) : List.of();
		for (Endpoint endpoint : endpoints) {
			check(endpoint, allowPrivate);
		}
	}

	/**
	 * Whether a delivery to {@code endpoint} may go ahead now: its host still resolves,
	 * and only to addresses the configuration allows.
	 */
	boolean reachable(Endpoint endpoint) {
		return this.allowPrivate || !NonPublicAddresses.isNonPublic(URI.create(endpoint.url()).getHost(), true);
	}

	/** The endpoint with this URL, if it is still configured. */
	Optional<Endpoint> endpoint(String url) {
		return this.endpoints.stream().filter((endpoint) -> endpoint.url().equals(url)).findFirst();
	}

	/**
	 * @param url where to post
	 * @param secret the HMAC-SHA256 key shared with the receiver
	 */
	record Endpoint(String url, String secret) {
	}

	private static void check(Endpoint endpoint, boolean allowPrivate) {
		if (endpoint.url() == null || endpoint.secret() == null || endpoint.secret().length() < 16) {
			throw new IllegalArgumentException(
					"abusedesk.webhooks.endpoints need a url and a secret of at least " + "16 characters");
		}
		URI uri;
		try {
			uri = new URI(endpoint.url());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Webhook URL is not a URL: " + endpoint.url(), ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(java.util.Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
			throw new IllegalArgumentException("Webhook URL must be http(s) with a host: " + endpoint.url());
		}
		if (!allowPrivate && NonPublicAddresses.isNonPublic(uri.getHost(), false)) {
			throw new IllegalArgumentException(
					"Webhook URL names, or resolves to, a non-public address (loopback, private, shared, link-local or reserved) "
							+ "(set abusedesk.webhooks.allow-private=true to allow it): " + endpoint.url());
		}
	}

}
