package org.abusedesk.actions.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code abusedesk.webhooks.*}: the edge systems told about every mitigation change.
 * Checked when the application starts: only http(s) URLs, and no literal loopback,
 * private or link-local address unless {@code allow-private} says so (a webhook must not
 * become a way to reach the provider's internal network).
 *
 * @param endpoints where to post, each with its signing secret
 * @param allowPrivate allow literal private addresses (tests, a private edge network)
 */
@ConfigurationProperties("abusedesk.webhooks")
record WebhookProperties(List<Endpoint> endpoints, boolean allowPrivate) {

	WebhookProperties {
		endpoints = (endpoints != null) ? List.copyOf(endpoints) : List.of();
		for (Endpoint endpoint : endpoints) {
			check(endpoint, allowPrivate);
		}
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
		if (!allowPrivate && isPrivateLiteral(uri.getHost())) {
			throw new IllegalArgumentException("Webhook URL names a loopback, private or link-local address "
					+ "(set abusedesk.webhooks.allow-private=true to allow it): " + endpoint.url());
		}
	}

	/** Whether the host is an IP literal in a loopback, private or link-local range. */
	static boolean isPrivateLiteral(String host) {
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
			if (literal.equalsIgnoreCase("localhost")
					|| literal.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
				return true;
			}
			return false;
		}
		try {
			// a literal: no name lookup happens
			InetAddress address = InetAddress.getByName(literal);
			boolean uniqueLocal = address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
			return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || uniqueLocal;
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException("Webhook host is not a valid address: " + host, ex);
		}
	}

}
