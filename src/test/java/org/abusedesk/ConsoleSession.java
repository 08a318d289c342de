package org.abusedesk;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;

/**
 * A browser-like HTTP client for the console: keeps the session cookie, reads the CSRF
 * token from the sign-in page, follows no redirects (tests look at them).
 */
public final class ConsoleSession {

	/** The password of the staff accounts the tests create ({@link #newStaff}). */
	public static final String PASSWORD = "a long console test password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	public ConsoleSession(int port) {
		this.port = port;
	}

	/**
	 * Creates the staff account {@code name} of {@code role} with {@link #PASSWORD} and
	 * signs it in to the console of the application on {@code port}.
	 */
	public static ConsoleSession newStaff(int port, StaffAccounts accounts, String name, Role role) {
		accounts.create(name, role, PASSWORD);
		return new ConsoleSession(port).signIn(name, PASSWORD);
	}

	/** Signs in; fails unless the console accepted the password. */
	public ConsoleSession signIn(String name, String password) {
		Api.Response response = post("/login", Map.of("username", name, "password", password));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.status() != 302 || !location.endsWith("/console")) {
			throw new IllegalStateException("Sign-in failed: " + response.status() + " " + location);
		}
		return this;
	}

	public Api.Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Api.Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	/** A form POST carrying the session's current CSRF token. */
	public Api.Response post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrfToken());
		return postWithoutToken(path, fields);
	}

	public Api.Response postWithoutToken(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private String csrfToken() {
		Api.Response login = get("/login");
		Matcher matcher = CSRF.matcher(login.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Api.Response send(HttpRequest.Builder builder) {
		return Http.send(this.client, builder.build());
	}

}
