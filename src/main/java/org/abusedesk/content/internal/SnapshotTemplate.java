package org.abusedesk.content.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a content source reads a reported URL: the operator's template with the reported
 * URL's host, path and query filled in, escaped, so that the URL read is always at the
 * template's scheme, host and port, under its fixed path. A reported URL that cannot be
 * placed so (user information, a path with dot segments or encoded slashes, a host that
 * is not a plain host name) is refused: nothing is read for it.
 */
final class SnapshotTemplate {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

	private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}\\.)*[a-z0-9-]{1,63}");

	private final String template;

	private final URI base;

	private final String fixedPath;

	/**
	 * @throws IllegalArgumentException when the template is not an http(s) URL with a
	 * fixed host, or names an unknown placeholder
	 */
	SnapshotTemplate(String template) {
		if (template == null || template.isBlank()) {
			throw new IllegalArgumentException("a snapshot source needs a url-template");
		}
		Matcher placeholders = PLACEHOLDER.matcher(template);
		while (placeholders.find()) {
			if (!placeholders.group(1).matches("host|path|query")) {
				throw new IllegalArgumentException("unknown placeholder " + placeholders.group() + " in " + template
						+ " (known: {host}, {path}, {query})");
			}
		}
		this.template = template.strip();
		int first = this.template.indexOf('{');
		String fixed = (first >= 0) ? this.template.substring(0, first) : this.template;
		URI sample = parse(fill("example.org", "/a", "b=c"));
		if (sample == null || !("http".equals(sample.getScheme()) || "https".equals(sample.getScheme()))
				|| sample.getHost() == null || sample.getRawUserInfo() != null) {
			throw new IllegalArgumentException("a snapshot url-template must be an http or https URL: " + template);
		}
		int authorityEnd = this.template.indexOf('/', this.template.indexOf("://") + 3);
		if (first >= 0 && (authorityEnd < 0 || first < authorityEnd)) {
			throw new IllegalArgumentException(
					"the host of a snapshot url-template is fixed: no placeholder before its path: " + template);
		}
		this.base = sample;
		this.fixedPath = fixed.substring(authorityEnd).replaceFirst("\\?.*", "");
	}

	/** The host, port and scheme every snapshot of this source is read from. */
	URI base() {
		return URI.create(this.base.getScheme() + "://" + this.base.getRawAuthority() + "/");
	}

	/**
	 * Where {@code reported} is read.
	 * @param host the reported host as the catalog resolved it
	 * @return the URL, or {@code null} with the reason in {@code why}
	 */
	Expanded expand(String reported, String host) {
		URI uri = parse(reported);
		if (uri == null || uri.getRawAuthority() == null) {
			return Expanded.refused("not_a_url");
		}
		if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
			return Expanded.refused("user_information");
		}
		String reportedHost = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		if (!HOST.matcher(reportedHost).matches() || !reportedHost.equals(host)) {
			return Expanded.refused("host_not_resolved");
		}
		String path = path(uri.getRawPath());
		if (path == null) {
			return Expanded.refused("path_not_allowed");
		}
		String query = (uri.getRawQuery() != null) ? query(uri.getRawQuery()) : "";
		if (query == null) {
			return Expanded.refused("query_not_allowed");
		}
		URI target = parse(fill(reportedHost, path, query));
		if (target == null || !Objects.equals(target.getScheme(), this.base.getScheme())
				|| !Objects.equals(target.getRawAuthority(), this.base.getRawAuthority())
				|| !target.getRawPath().startsWith(this.fixedPath) || !target.normalize().equals(target)
				|| target.getRawFragment() != null) {
			return Expanded.refused("outside_the_source");
		}
		return new Expanded(target, null);
	}

	/** A URL to read, or why there is none. */
	record Expanded(URI url, String refusal) {

		static Expanded refused(String why) {
			return new Expanded(null, why);
		}

	}

	private String fill(String host, String path, String query) {
		String filled = this.template.replace("{host}", host).replace("{path}", path);
		if (this.template.contains("{query}")) {
			return filled.replace("{query}", query);
		}
		return filled;
	}

	/**
	 * The path with each segment decoded and escaped again; {@code null} when a segment
	 * is a dot segment, holds a slash, a backslash or a control character once decoded,
	 * or an escape is broken.
	 */
	private static String path(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "/";
		}
		StringBuilder out = new StringBuilder();
		String[] segments = raw.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String decoded = decode(segments[i]);
			// an empty segment but the last would be read as a host by some servers
			if (decoded == null || (decoded.isEmpty() && i < segments.length - 1) || decoded.equals(".")
					|| decoded.equals("..") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
					|| decoded.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
				return null;
			}
			out.append('/').append(encode(decoded, ""));
		}
		return out.toString();
	}

	/** The query, each name and value escaped again; {@code null} when broken. */
	private static String query(String raw) {
		StringBuilder out = new StringBuilder();
		for (String pair : raw.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : null;
			if (name == null || (equals >= 0 && value == null)) {
				return null;
			}
			out.append(out.isEmpty() ? "" : "&").append(encode(name, ""));
			if (value != null) {
				out.append('=').append(encode(value, ""));
			}
		}
		return out.toString();
	}

	private static String decode(String escaped) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '%') {
				if (i + 2 >= escaped.length() || Character.digit(escaped.charAt(i + 1), 16) < 0
						|| Character.digit(escaped.charAt(i + 2), 16) < 0) {
					return null;
				}
				bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else if (c > 0x7e || c < 0x20) {
				return null;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String encode(String text, String alsoAllowed) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~' || alsoAllowed.indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	private static URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
