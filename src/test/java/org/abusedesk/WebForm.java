package org.abusedesk;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: keeps the session cookie, reads the form's CSRF token and
 * posts multipart forms, for the checks that need exact control of what is sent.
 */
public final class WebForm {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final int port;

	public WebForm(int port) {
		this.port = port;
	}

	public record Page(int status, String body, HttpHeaders headers) {

		public String csrf() {
			Matcher matcher = CSRF.matcher(this.body);
			if (!matcher.find()) {
				throw new IllegalStateException("No CSRF token in " + this.body);
			}
			return matcher.group(1);
		}

	}

	public record Part(String name, String filename, String contentType, byte[] content) {

		public static Part field(String name, String value) {
			return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
		}

		public static Part file(String name, String filename, String contentType, byte[] content) {
			return new Part(name, filename, contentType, content);
		}

	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Page post(String path, List<Part> parts) {
		String boundary = "----abusedesk" + UUID.randomUUID();
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))));
	}

	/**
	 * The form of {@code type} filled in with {@code fields}, with this session's token.
	 */
	public Page submit(String type, List<Part> fields) {
		List<Part> parts = new ArrayList<>(fields);
		parts.add(Part.field("_csrf", get("/report/" + type).csrf()));
		Page answer = post("/report/" + type, parts);
		// a report filed: the form redirects to its receipt (post/redirect/get), as a
		// browser follows
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.status() == 302 && location.contains("/report/received/")) {
			return get(java.net.URI.create(location).getPath());
		}
		return answer;
	}

	private static byte[] multipart(String boundary, List<Part> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
			head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
			if (part.filename() != null) {
				head.append("; filename=\"").append(part.filename()).append('"');
			}
			head.append("\r\n");
			if (part.contentType() != null) {
				head.append("Content-Type: ").append(part.contentType()).append("\r\n");
			}
			head.append("\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Page send(HttpRequest.Builder builder) {
		Api.Response response = Http.send(this.client, builder.build());
		return new Page(response.status(), response.body(), response.headers());
	}

}
