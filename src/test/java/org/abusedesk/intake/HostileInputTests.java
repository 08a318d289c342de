package org.abusedesk.intake;

import org.abusedesk.DeskTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 12: the small ones a hostile tester found. Each answers a clear error
 * and stores nothing it was not asked to.
 */
class HostileInputTests extends DeskTest {

	private static final HttpClient client = HttpClient.newHttpClient();

	@Test
	void customerTokenForAnAccountThatDoesNotExistIsRefused() {
		Api.Response refused = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"no-such-account-" + this.catalog.id() + "\"}", this.admin);

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.errors()).startsWith("account_ref unknown");
		assertThat(this.api
			.post("/api/v1/customer-tokens", "{\"account_ref\": \"hosting-" + this.catalog.id() + "\"}", this.admin)
			.status()).isEqualTo(201);
	}

	@Test
	void textPlainBodyIsNotTakenAsJson() throws Exception {
		HttpResponse<String> answer = post(report("https://www." + this.catalog.hostedZone() + "/a", "Spam page.")
			.getBytes(StandardCharsets.UTF_8), "text/plain");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
	}

	@Test
	void utf16BodyIsNotTakenAsJson() throws Exception {
		HttpResponse<String> answer = post(report("https://www." + this.catalog.hostedZone() + "/b", "Spam page.")
			.getBytes(StandardCharsets.UTF_16), "application/json");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
		HttpResponse<String> declared = post(report("https://www." + this.catalog.hostedZone() + "/c", "Spam page.")
			.getBytes(StandardCharsets.UTF_16LE), "application/json; charset=utf-16le");
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(415);
	}

	@Test
	void loneSurrogateIsRefusedWithAFieldError() {
		Api.Response answer = this.api.post("/api/v1/reports/general",
				report("https://www." + this.catalog.hostedZone() + "/d", "Half a character: \\ud800 here."), null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		assertThat(answer.errors()).startsWith("justification invalid_character");
		Api.Response paired = this.api.post("/api/v1/reports/general",
				report("https://www." + this.catalog.hostedZone() + "/e", "A whole one: \\ud83d\\ude00 here."), null);
		assertThat(paired.status()).as(paired.body()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
			"\n  <!DOCTYPE html><html><body onload=alert(1)>", "<?xml version=\"1.0\"?><svg/>",
			"<html><script>fetch('/api')</script></html>" })
	void svgAndHtmlAreNotAcceptedAsEvidence(String markup) {
		WebForm web = new WebForm(this.port);
		List<Part> parts = new ArrayList<>(List.of(Part.field("reporter_name", "Rita Reporter"),
				Part.field("reporter_email", this.catalog.reporter()),
				Part.field("email_confirm", this.catalog.reporter()), Part.field("reporter_kind", "individual"),
				Part.field("urls", "https://shop." + this.catalog.proxiedZone() + "/markup"),
				Part.field("justification", "A fake bank login page."), Part.field("notify_host", "send"),
				Part.field("notify_owner", "send-anon"), Part.field("good_faith", "true"),
				Part.file("evidence", "shot.txt", "text/plain", markup.getBytes(StandardCharsets.UTF_8))));

		WebForm.Page page = web.submit("phishing", parts);

		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains("shot.txt is not a PDF, PNG, JPEG, GIF, WebP or plain text file.");
	}

	@Test
	void errorPathAskedForDirectlyIsNotFoundNotAServerError() {
		assertThat(this.api.get("/error", null).status()).isEqualTo(404);
		assertThat(this.api.get("/error/x", null).status()).isEqualTo(404);
	}

	private String report(String url, String justification) {
		return """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["%s"], "justification": "%s",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				url, justification);
	}

	private HttpResponse<String> post(byte[] body, String contentType) throws IOException, InterruptedException {
		return client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/reports/general"))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
