package org.abusedesk.referrals.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The CyberTipline reporting API as NCMEC documents it: {@code POST /submit} opens a
 * report (XML) and answers its report id, {@code POST /upload} adds a file to it
 * (multipart: {@code id}, {@code file}) and answers the file id, {@code POST /fileinfo}
 * describes the file (XML), {@code POST /finish} (form: {@code id}) completes it. Every
 * answer is a {@code reportResponse} whose {@code responseCode} 0 means success. Only the
 * configured base URL is called, with HTTP basic authentication, and redirects are not
 * followed.
 */
@Component
class NcmecConnector {

	private static final Pattern RESPONSE_CODE = Pattern.compile("<responseCode>\\s*(-?\\d+)\\s*</responseCode>");

	private static final Pattern DESCRIPTION = Pattern
		.compile("<responseDescription>([^<]{0,500})</responseDescription>");

	private final ReferralProperties properties;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	NcmecConnector(ReferralProperties properties) {
		this.properties = properties;
	}

	/** Whether a reporting API is configured. */
	boolean configured() {
		return this.properties.ncmec().url() != null && !this.properties.ncmec().url().isBlank();
	}

	/** Opens the report; its report id. */
	String submit(String reportXml) throws NcmecException {
		String answer = post("submit", "text/xml; charset=utf-8", reportXml.getBytes(StandardCharsets.UTF_8));
		return value(answer, "reportId");
	}

	/** Adds a file to the report; its file id. */
	String upload(String reportId, String filename, byte[] content) throws NcmecException {
		String boundary = "abusedesk-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + reportId + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ filename.replaceAll("[\"\\\\\r\n]", "_") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		String answer = post("upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
		return value(answer, "fileId");
	}

	void fileInfo(String fileDetailsXml) throws NcmecException {
		post("fileinfo", "text/xml; charset=utf-8", fileDetailsXml.getBytes(StandardCharsets.UTF_8));
	}

	void finish(String reportId) throws NcmecException {
		post("finish", "application/x-www-form-urlencoded",
				("id=" + URLEncoder.encode(reportId, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
	}

	private String post(String operation, String contentType, byte[] body) throws NcmecException {
		if (!configured()) {
			throw new NcmecException("no CyberTipline reporting API is configured (abusedesk.referrals.ncmec.url)");
		}
		String base = this.properties.ncmec().url().replaceAll("/+$", "");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + operation))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (this.properties.ncmec().username() != null) {
			String credentials = this.properties.ncmec().username() + ":"
					+ String.valueOf(this.properties.ncmec().password());
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new NcmecException(operation + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NcmecException(operation + ": interrupted");
		}
		if (response.statusCode() != 200) {
			throw new NcmecException(operation + ": HTTP " + response.statusCode());
		}
		Matcher code = RESPONSE_CODE.matcher(response.body());
		if (!code.find()) {
			throw new NcmecException(operation + ": no responseCode in the answer");
		}
		if (!"0".equals(code.group(1))) {
			Matcher description = DESCRIPTION.matcher(response.body());
			throw new NcmecException(operation + ": responseCode " + code.group(1)
					+ (description.find() ? " (" + description.group(1) + ")" : ""));
		}
		return response.body();
	}

	private static String value(String answer, String element) throws NcmecException {
		Matcher matcher = Pattern.compile("<" + element + ">\\s*([A-Za-z0-9_-]{1,100})\\s*</" + element + ">")
			.matcher(answer);
		if (!matcher.find()) {
			throw new NcmecException("no " + element + " in the answer");
		}
		return matcher.group(1);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The API refused or could not be reached; the step is tried again later. */
	static final class NcmecException extends Exception {

		NcmecException(String message) {
			super(message);
		}

	}

}
