package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access token for an XOAUTH2 login: the configured one, or one fetched from the
 * configured token endpoint with the refresh token and kept until a minute before it
 * expires.
 */
final class OAuth2AccessTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration MARGIN = Duration.ofMinutes(1);

	private final MailIntakeProperties.OAuth2 settings;

	private final HttpClient http;

	private final Clock clock;

	private String token;

	private Instant expires = Instant.MIN;

	OAuth2AccessTokens(MailIntakeProperties.OAuth2 settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @throws IOException when the endpoint cannot be reached or refuses the refresh
	 * token; the message says which
	 */
	synchronized String accessToken() throws IOException {
		if (this.settings.accessToken() != null && !this.settings.accessToken().isBlank()) {
			return this.settings.accessToken();
		}
		if (this.token != null && this.clock.instant().isBefore(this.expires.minus(MARGIN))) {
			return this.token;
		}
		if (this.settings.tokenUri() == null || this.settings.refreshToken() == null) {
			throw new IOException("XOAUTH2 needs abusedesk.mail-intake.imap.oauth2.access-token, or token-uri and "
					+ "refresh-token");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", this.settings.refreshToken());
		if (this.settings.clientId() != null) {
			form.put("client_id", this.settings.clientId());
		}
		if (this.settings.clientSecret() != null) {
			form.put("client_secret", this.settings.clientSecret());
		}
		if (this.settings.scope() != null) {
			form.put("scope", this.settings.scope());
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.settings.tokenUri()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while fetching the XOAUTH2 access token", ex);
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			answer = null;
		}
		if (response.statusCode() != 200 || answer == null || !answer.hasNonNull("access_token")) {
			String error = (answer != null && answer.hasNonNull("error")) ? answer.get("error").asString()
					: "HTTP " + response.statusCode();
			throw new IOException("the token endpoint refused the refresh token: " + error);
		}
		this.token = answer.get("access_token").asString();
		long seconds = answer.hasNonNull("expires_in") ? answer.get("expires_in").asLong() : 3600;
		this.expires = this.clock.instant().plusSeconds(seconds);
		return this.token;
	}

}
