package org.abusedesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running application. */
public final class Api {

	private static final ObjectMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return Api.json.readTree(this.body);
		}

	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	/** A GET that accepts only {@code accept}, as a browser or an API client asks. */
	public Response get(String path, String token, String accept) {
		return send(request(path, token).header("Accept", accept).GET());
	}

	public Response post(String path, String body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response put(String path, String body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
