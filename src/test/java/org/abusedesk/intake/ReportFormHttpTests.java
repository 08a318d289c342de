package org.abusedesk.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.DeskTest;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Page;
import org.abusedesk.WebForm.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web report form over plain HTTP: its security headers and CSRF protection, and the
 * evidence files it accepts and refuses. The browser tests cover how it is used.
 */
class ReportFormHttpTests extends DeskTest {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	/** The start of a zip archive (and of a .jar or .docx): not evidence we accept. */
	private static final byte[] ZIP = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, (byte) 0x9c, 0x5a };

	private static final Pattern TRACKING_CODE = Pattern.compile("AD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

	private WebForm web;

	@BeforeEach
	void openTheForm() {
		this.web = new WebForm(this.port);
	}

	@Test
	void reportPagesAreServedWithStrictSecurityHeaders() {
		Page page = this.web.get("/report");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("href=\"/report/phishing\"", "href=\"/report/legal_order\"");
		assertThat(this.web.get("/css/report.css").status()).isEqualTo(200);
	}

	/**
	 * Issue 17, "/ and unknown paths show a Whitelabel 403": the front door links to the
	 * form, and a path nobody listed stays closed with a page that says it is not there.
	 */
	@Test
	void theFrontDoorLeadsToTheFormAndPagesNobodyListedAreNotFound() {
		WebForm.Page home = this.web.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/report\"").contains("Customer area");
		for (String path : new String[] { "/nothing-listed", "/console-not-here", "/report-x" }) {
			WebForm.Page missing = this.web.get(path);
			assertThat(missing.status()).as(path).isEqualTo(404);
			assertThat(missing.body()).as(path).contains("Page not found").doesNotContain("Whitelabel");
		}
		assertThat(this.web.get("/nothing-listed").headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("default-src 'none'");
	}

	@Test
	void unknownReportTypeIsNotFound() {
		assertThat(this.web.get("/report/spam").status()).isEqualTo(404);
	}

	@Test
	void postWithoutCsrfTokenIsRefused() {
		this.web.get("/report/phishing");

		Page page = this.web.post("/report/phishing", phishing("/no-token"));

		assertThat(page.status()).isEqualTo(403);
		assertThat(reportsFrom(this.catalog.reporter())).isZero();
	}

	/**
	 * Found by issue 17: the form answered its post with the receipt itself, so a refresh
	 * of the receipt sent the report again.
	 */
	@Test
	void aRefreshOfTheReceiptDoesNotFileTheReportAgain() {
		List<Part> parts = phishing("/refresh");
		parts.add(Part.field("_csrf", this.web.get("/report/phishing").csrf()));

		Page posted = this.web.post("/report/phishing", parts);

		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		String receipt = java.net.URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(receipt).matches("/report/received/AD-[0-9A-Z-]+");
		Page first = this.web.get(receipt);
		Page refreshed = this.web.get(receipt);
		assertThat(first.status()).isEqualTo(200);
		assertThat(trackingCode(refreshed)).isEqualTo(trackingCode(first));
		assertThat(refreshed.body()).contains("secret=");
		assertThat(reportsFrom(this.catalog.reporter())).isOne();
		// the receipt holds the status secret: only for the browser that filed the report
		assertThat(new WebForm(this.port).get(receipt).status()).isEqualTo(404);
	}

	@Test
	void evidenceIsStoredRawWithTheTypeFoundInItsContent() {
		List<Part> parts = phishing("/evidence");
		parts.add(Part.file("evidence", "screenshot.png", "application/octet-stream", PNG));
		parts.add(Part.file("evidence", "headers.txt", "text/plain",
				"Received: from mail.example\n".getBytes(StandardCharsets.US_ASCII)));

		Page page = this.web.submit("phishing", parts);

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		long reportId = reportIdOf(trackingCode(page));
		List<Evidence> evidence = queryList(Evidence.class,
				"select filename, declared_type, detected_type, content from evidence where report_id = ? order by id",
				reportId);
		assertThat(evidence).extracting(Evidence::filename).containsExactly("screenshot.png", "headers.txt");
		assertThat(evidence).extracting(Evidence::detectedType).containsExactly("image/png", "text/plain");
		assertThat(evidence.get(0).declaredType()).isEqualTo("application/octet-stream");
		assertThat(evidence.get(0).content()).isEqualTo(PNG);
		String raw = queryOne(String.class, """
				select convert_from(r.body, 'UTF8') from raw_submission r
				join report p on p.raw_submission_id = r.id where p.id = ? and r.channel = 'web'""", reportId);
		assertThat(raw).contains("screenshot.png", RawDigest.sha256(PNG), this.catalog.reporter())
			.doesNotContain("_csrf");
	}

	@Test
	void fileNamedAsImageThatIsAnArchiveIsRefused() {
		List<Part> parts = phishing("/zip");
		parts.add(Part.file("evidence", "x.png", "image/png", ZIP));

		assertRefused(parts, "x.png is not a PDF, PNG, JPEG, GIF, WebP or plain text file.", "href=\"#evidence\"",
				"id=\"evidence-error\"");
		String errors = queryOne(String.class,
				"select errors::text from raw_submission where channel = 'web' and convert_from(body, 'UTF8') like ?",
				"%" + this.catalog.reporter() + "%");
		assertThat(errors).contains("unsupported_content", "evidence[0]");
	}

	@Test
	void moreThanFiveEvidenceFilesAreRefused() {
		List<Part> parts = phishing("/many");
		for (int i = 0; i < 6; i++) {
			parts.add(Part.file("evidence", "shot-" + i + ".png", "image/png", PNG));
		}

		assertRefused(parts, "At most 5 evidence files per report.", "choose them again");
	}

	@Test
	void evidenceFileOverTheLimitIsRefusedNextToTheField() {
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, large, 0, PNG.length);
		List<Part> parts = phishing("/large");
		parts.add(Part.file("evidence", "large.png", "image/png", large));

		assertRefused(parts, "large.png: at most 10 MiB per file.", "href=\"#evidence\"");
	}

	@Test
	void legalOrderCarriesItsDocument() {
		String host = "shop." + this.catalog.proxiedZone();
		List<Part> parts = new ArrayList<>(reporter());
		parts.addAll(List.of(Part.field("urls", "https://" + host + "/ordered"),
				Part.field("justification", "The court ordered the page removed."),
				Part.field("issuing_authority", "European Commission"), Part.field("jurisdiction", "eu"),
				Part.field("legal_basis", "Art. 73 DSA"), Part.field("order_reference", "C(2025) 1"),
				Part.field("territorial_scope", "DE, at"), Part.field("notify_host", "send"),
				Part.field("notify_owner", "send"), Part.field("good_faith", "true"), Part.file("document", "order.pdf",
						"application/pdf", "%PDF-1.7\n%order\n".getBytes(StandardCharsets.US_ASCII))));

		Page page = this.web.submit("legal_order", parts);

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		long reportId = reportIdOf(trackingCode(page));
		assertThat(queryList(String.class, "select detected_type from evidence where report_id = ?", reportId))
			.containsExactly("application/pdf");
		assertThat(queryOne(String.class, "select details::text from report where id = ?", reportId))
			.contains("\"territorial_scope\": [\"DE\", \"AT\"]");
	}

	private List<Part> reporter() {
		return new ArrayList<>(List.of(Part.field("reporter_name", "Rita Reporter"),
				Part.field("reporter_email", this.catalog.reporter()),
				Part.field("email_confirm", this.catalog.reporter()), Part.field("reporter_kind", "individual")));
	}

	private List<Part> phishing(String path) {
		String host = "shop." + this.catalog.proxiedZone();
		List<Part> parts = reporter();
		parts.addAll(List.of(Part.field("urls", "https://" + host + path + "\r\n"),
				Part.field("justification", "A fake bank login page."), Part.field("notify_host", "send"),
				Part.field("notify_owner", "send-anon"), Part.field("good_faith", "true")));
		return parts;
	}

	private static String trackingCode(Page page) {
		Matcher matcher = TRACKING_CODE.matcher(page.body());
		assertThat(matcher.find()).as(page.body()).isTrue();
		return matcher.group();
	}

	/**
	 * The form refuses {@code parts} with a page that says {@code words}; nothing is
	 * filed.
	 */
	private void assertRefused(List<Part> parts, String... words) {
		Page page = this.web.submit("phishing", parts);
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains(words);
		assertThat(reportsFrom(this.catalog.reporter())).isZero();
	}

	private long reportsFrom(String email) {
		return queryOne(Long.class, "select count(*) from report where reporter_email = ?", email);
	}

	record Evidence(String filename, String declaredType, String detectedType, byte[] content) {
	}

	/** The digest the archive records, computed independently. */
	static final class RawDigest {

		static String sha256(byte[] content) {
			try {
				return java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
