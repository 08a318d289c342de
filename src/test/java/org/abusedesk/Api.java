package org.abusedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	public record Response(int status, String body, HttpHeaders headers) {

		public JsonNode json() {
			return Api.json.readTree(this.body);
		}

		/** The errors of a problem answer, each as its field and its code, in order. */
		public List<String> errors() {
			return json().get("errors")
				.valueStream()
				.map((error) -> error.get("field").asString() + " " + error.get("code").asString())
				.toList();
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

	/**
	 * A JSON POST sent from {@code localAddress}, a loopback address such as
	 * {@code 127.0.0.7}: as a client at another address sends it, for what the desk does
	 * per address. HTTP/1.1 over a plain socket, as the JDK's client cannot choose its
	 * address.
	 */
	public Response postFrom(String localAddress, String path, String body, String token) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
			socket.setSoTimeout(30_000);
			byte[] payload = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
					+ "\r\nConnection: close\r\n" + ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "")
					+ "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(payload);
			out.flush();
			byte[] raw = socket.getInputStream().readAllBytes();
			int end = indexOf(raw, 0) + 4;
			String[] lines = new String(raw, 0, end - 4, StandardCharsets.ISO_8859_1).split("\r\n");
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).strip(), (name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked");
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			if (!chunked) {
				content.write(raw, end, raw.length - end);
			}
			// a chunk: its size in hex, CRLF, the bytes, CRLF; the last is empty
			for (int at = end, size = -1; chunked && size != 0; at += size + 2) {
				int lineEnd = indexOf(raw, at);
				size = Integer
					.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
				content.write(raw, lineEnd + 2, size);
				at = lineEnd + 2;
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), content.toString(StandardCharsets.UTF_8),
					HttpHeaders.of(headers, (name, value) -> true));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where the next CRLF (or, from 0, the end of the head: CRLF CRLF) starts. */
	private static int indexOf(byte[] raw, int from) {
		int width = (from == 0) ? 4 : 2;
		for (int i = from; i + width <= raw.length; i++) {
			if (raw[i] == '\r' && raw[i + 1] == '\n' && (width == 2 || (raw[i + 2] == '\r' && raw[i + 3] == '\n'))) {
				return i;
			}
		}
		throw new IllegalStateException("Truncated HTTP response");
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** Sends the request and waits for its answer; a failure to connect is unchecked. */
	private Response send(HttpRequest.Builder builder) {
		HttpResponse<String> response = this.client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
			.join();
		return new Response(response.statusCode(), response.body(), response.headers());
	}

}
