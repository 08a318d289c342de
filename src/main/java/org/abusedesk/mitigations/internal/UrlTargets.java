package org.abusedesk.mitigations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code url_pattern} mitigation applies to: the reported URLs, each normalised to
 * a target the edge can match (docs/mitigations.md, "URL targets"):
 * <ul>
 * <li>scheme and host in lower case, the host without a trailing dot, the port only when
 * it is not the scheme's default, no user information, dot segments removed, an empty
 * path as {@code /};</li>
 * <li>the fragment is dropped: browsers never send it, so the edge could not match it,
 * and the page it belongs to is blocked either way;</li>
 * <li>the query is kept: {@code https://h/view.php?id=7} is an exact target, and
 * {@code id=8} is not blocked with it;</li>
 * <li>a path that ends in {@code /} (other than the root) is a directory, the target is
 * its prefix, written with a trailing {@code *}: {@code https://h/phish/*} matches
 * {@code /phish/} and everything under it;</li>
 * <li>anything else, the root {@code https://h/} included, is an exact URL: the root is
 * the home page only, never the whole site.</li>
 * </ul>
 * A URL that is not {@code http} or {@code https} or has no host gives no target.
 */
final class UrlTargets {

	/** The suffix of a path-prefix target. */
	static final String PREFIX = "*";

	private UrlTargets() {
	}

	/** The distinct targets of {@code urls}, in their order. */
	static List<String> of(Collection<String> urls) {
		Set<String> targets = new LinkedHashSet<>();
		for (String url : urls) {
			target(url).ifPresent(targets::add);
		}
		return List.copyOf(targets);
	}

	/** The target of one reported URL, or empty when it has none. */
	static Optional<String> target(String url) {
		if (url == null) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(url.strip()).normalize();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
			return Optional.empty();
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
		if (host.isEmpty()) {
			return Optional.empty();
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (!path.startsWith("/")) {
			path = "/" + path;
		}
		String base = scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
		if (uri.getRawQuery() != null) {
			return Optional.of(base + "?" + uri.getRawQuery());
		}
		if (path.endsWith("/") && !"/".equals(path)) {
			return Optional.of(base + PREFIX);
		}
		return Optional.of(base);
	}

	/** How a statement of reasons names a target. */
	static String describe(String target) {
		return target.endsWith(PREFIX)
				? target.substring(0, target.length() - PREFIX.length()) + " and every page under it" : target;
	}

}
