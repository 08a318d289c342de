package org.abusedesk.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 4: a 32 MB batch of repeated arrays took about 1 GB of heap, eight in
 * parallel ran out of memory, and a 100 MB catalog upload (no limit at all) killed the
 * router thread. Every body now has a limit known before it is read, and JSON from
 * outside is read within limits of nesting and token count.
 */
class RequestLimitsTests extends IntegrationTest {

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private String admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.admin = this.tokens.issue("limits-admin", Role.ADMIN, "test", null);
	}

	@Test
	void catalogUploadOverItsLimitIsRefusedBeforeItIsRead() throws IOException {
		String answer = raw("PUT /api/v1/catalog HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + this.admin
				+ "\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n", null);

		assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of 33554432 bytes");
	}

	@Test
	void bodyOfUnknownLengthIsCountedAndRefusedPastTheLimit() throws IOException {
		// chunked, 2 MiB of JSON string to an endpoint whose limit is 1 MiB
		String answer = raw(
				"POST /api/v1/customer-tokens HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + this.admin
						+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
				chunked("{\"account_ref\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}"));

		assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of 1048576 bytes");
	}

	@Test
	void batchOfAMillionEmptyArraysIsRefusedWhileItIsRead() {
		String reporterToken = this.api.post("/api/v1/reporter-tokens", """
				{"label": "limits", "reporter_kind": "organisation", "name": "Flagger",
				 "email": "limits@flagger.example", "organisation": "Flaggers e.V."}""", this.admin)
			.json()
			.get("token")
			.asString();
		StringBuilder body = new StringBuilder("{\"reports\": [{\"type\": \"general\", \"report\": {\"urls\": [");
		body.append("[],".repeat(2_000_000)).append("[]]}}]}");
		long rawBefore = rawSubmissions();

		Api.Response answer = this.api.post("/api/v1/reports:batch", body.toString(), reporterToken);

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("too_complex");
		// a batch refused as a whole is archived like a single report is (issue 12, item
		// 12)
		assertThat(rawSubmissions()).isEqualTo(rawBefore + 1);
	}

	@Test
	void reportNestedThousandsDeepIsAFieldErrorNotAStackOverflow() {
		String body = "{\"reporter\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

		Api.Response answer = this.api.post("/api/v1/reports/general", body, null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("too_complex");
	}

	@Test
	void catalogNestedTooDeeplyIsRefusedWithAFieldError() {
		String body = "{\"accounts\": [{\"properties\": " + "[".repeat(100) + "]".repeat(100) + "}]}";

		Api.Response answer = this.api.put("/api/v1/catalog", body, this.admin);

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("too_complex");
	}

	private long rawSubmissions() {
		return this.jdbc.sql("select count(*) from raw_submission").query(Long.class).single();
	}

	/** One request on a fresh connection; the answer as text (status line first). */
	private String raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// the server may answer and close before the whole body is sent
				}
			}
			out.flush();
			socket.shutdownOutput();
			return readAll(socket.getInputStream());
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				answer.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// a reset after the answer: what was read is the answer
		}
		return answer.toString(StandardCharsets.UTF_8);
	}

	private static byte[] chunked(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int chunk = 64 * 1024;
		for (int at = 0; at < bytes.length; at += chunk) {
			int length = Math.min(chunk, bytes.length - at);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes, at, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
