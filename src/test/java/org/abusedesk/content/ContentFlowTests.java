package org.abusedesk.content;

import org.abusedesk.DeskTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Page;
import org.abusedesk.WebForm.Part;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.hashes.KnownContent;
import org.abusedesk.hashes.PdqHasher;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content of a report, looked at on its way in: personal data in the evidence of a
 * hosted doxing report raises its priority and is highlighted for the reviewer; a file on
 * a known-content list raises {@code known_content_match} and is never shown unblurred by
 * default, nor at all to those who do not decide.
 */
class ContentFlowTests extends DeskTest {

	private static final Pattern TRACKING_CODE = Pattern.compile("AD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

	private static final String PASSWORD = "a long test password";

	@Autowired
	private KnownContent knownContent;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private AuditLog audit;

	@Test
	void aHostedDoxingReportWithAnAddressAndAPhoneIsPrioritisedAndHighlighted() {
		String page = "Everyone, this is where Jane Roe lives: 221 Baker Street, London, NW1 6XE.\n"
				+ "Call her on +44 20 7123 4567 and tell her what you think.\n";
		long reportId = submitDoxing("https://blog." + this.catalog.hostedZone() + "/jane",
				Part.file("evidence", "page.txt", "text/plain", page.getBytes(StandardCharsets.UTF_8)));
		long caseId = caseOf(reportId);

		assertPrioritisedAsDoxingForAPerson(reportId, caseId);

		String body = session(Role.REVIEWER).get("/console/cases/" + caseId).body();
		assertThat(body).contains(
				"<mark class=\"personal-data pd-street_address\" title=\"street_address: UK street address: number, street, postcode and city (confidence 0.90)\">221 Baker Street, London, NW1 6XE</mark>")
			.contains("<mark class=\"personal-data pd-phone\"")
			.contains(">+44 20 7123 4567</mark>");
	}

	@Test
	void aHostedDoxingReportWithAnAddressAndAPhoneInAnUploadedPdfIsPrioritisedAndHighlighted() {
		byte[] pdf = Pdfs.page("Everyone, this is where Jane Roe lives:", "221 Baker Street, London, NW1 6XE.",
				"Call her on +44 20 7123 4567 and tell her what you think.");
		long reportId = submitDoxing("https://blog." + this.catalog.hostedZone() + "/jane.pdf",
				Part.file("evidence", "thread.pdf", "application/pdf", pdf));
		long caseId = caseOf(reportId);

		assertThat(this.jdbc.sql("select detected_type from evidence where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.single()).isEqualTo("application/pdf");
		assertPrioritisedAsDoxingForAPerson(reportId, caseId);

		String body = session(Role.REVIEWER).get("/console/cases/" + caseId).body();
		assertThat(body).contains("thread.pdf (application/pdf, " + pdf.length + " bytes)")
			.contains("<mark class=\"personal-data pd-street_address\"")
			.contains(">221 Baker Street, London, NW1 6XE</mark>")
			.contains("<mark class=\"personal-data pd-phone\"")
			.contains(">+44 20 7123 4567</mark>")
			.doesNotContain("PDF not read");
	}

	@Test
	void aDamagedAndAnOversizePdfAreKeptUnreadWithTheReasonAndTheReportIsStillDecided() {
		byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nnot a PDF after all\n"
			.getBytes(StandardCharsets.US_ASCII);
		byte[] oversize = Pdfs.paddedTo(PdfText.MAX_BYTES, "Jane Roe lives at 221 Baker Street, London, NW1 6XE.");
		byte[] text = "Her phone: +44 20 7123 4567\n".getBytes(StandardCharsets.UTF_8);
		long reportId = submitDoxing("https://blog." + this.catalog.hostedZone() + "/jane-again",
				Part.file("evidence", "damaged.pdf", "application/pdf", damaged),
				Part.file("evidence", "large.pdf", "application/pdf", oversize),
				Part.file("evidence", "phone.txt", "text/plain", text));
		long caseId = caseOf(reportId);

		// every file is kept as it came; the report is decided on what could be read
		assertThat(this.jdbc.sql("""
				select filename || ' ' || detected_type || ' ' || size || ' ' || sha256
				from evidence where report_id = :id order by id""").param("id", reportId).query(String.class).list())
			.containsExactly("damaged.pdf application/pdf " + damaged.length + " " + hex("SHA-256", damaged),
					"large.pdf application/pdf " + oversize.length + " " + hex("SHA-256", oversize),
					"phone.txt text/plain " + text.length + " " + hex("SHA-256", text));
		assertThat(decision(reportId, "facts")).contains("\"personal_data_kinds\": [\"phone\"]");

		String body = session(Role.REVIEWER).get("/console/cases/" + caseId).body();
		assertThat(body).contains("PDF not read: it is damaged or not a PDF.")
			.contains("PDF not read: it is larger than 4 MiB (" + oversize.length + " bytes).")
			.contains(">+44 20 7123 4567</mark>")
			.doesNotContain("Baker Street");
	}

	@Test
	void aHostedPdfReadThroughTheContentSourceIsReadLikeAnUpload() {
		String host = hostServing("/jane.pdf", "application/pdf",
				Pdfs.page("Jane Roe lives at 221 Baker Street, London, NW1 6XE.", "Her phone: +44 20 7123 4567"));
		long reportId = submitDoxing("https://" + host + "/jane.pdf");
		long caseId = caseOf(reportId);

		assertThat(this.jdbc.sql("select source || ' ' || detected_type from evidence where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.single()).isEqualTo("snapshot application/pdf");
		assertThat(decision(reportId, "facts")).contains("\"personal_data_kinds\": [\"phone\", \"street_address\"]");
		assertThat(caseColumn(caseId, "priority")).isEqualTo("p1");
		assertThat(session(Role.REVIEWER).get("/console/cases/" + caseId).body())
			.contains(">221 Baker Street, London, NW1 6XE</mark>")
			.contains(">+44 20 7123 4567</mark>");
	}

	@Test
	void aHostedDoxingReportIsReadThroughTheContentSourceAndPrioritisedWithTheFindingsHighlighted() {
		String host = hostServing("/jane", "text/html; charset=utf-8",
				("<html><head><script>var x = 1;</script></head><body><h1>Found her</h1>"
						+ "<p>Jane Roe lives at 221 Baker Street, London, NW1 6XE.</p>"
						+ "<p>Her phone: +44 20 7123 4567</p></body></html>")
					.getBytes(StandardCharsets.UTF_8));
		long reportId = submitDoxing("https://" + host + "/jane");
		long caseId = caseOf(reportId);

		assertThat(contentSource.requestsUnder("/objects/" + host + "/")).containsExactly("/objects/" + host + "/jane");
		assertThat(this.jdbc.sql("""
				select filename || ' ' || source || ' ' || source_url || ' ' || detected_type || ' ' || sha256
				from evidence where report_id = :id""").param("id", reportId).query(String.class).single())
			.isEqualTo("snapshot of https://" + host + "/jane snapshot https://" + host + "/jane text/html "
					+ sha256Of(reportId));
		assertPrioritisedAsDoxingForAPerson(reportId, caseId);
		assertThat(this.audit.entries("report:" + reportId)).extracting(AuditLog.Entry::action)
			.containsSubsequence("report.snapshot_taken", "report.decided");

		String body = session(Role.REVIEWER).get("/console/cases/" + caseId).body();
		assertThat(body).contains("snapshot of https://" + host + "/jane")
			.contains("<mark class=\"personal-data pd-street_address\"")
			.contains(">221 Baker Street, London, NW1 6XE</mark>")
			.contains(">+44 20 7123 4567</mark>");
	}

	@Test
	void aHostedImageReadThroughTheSourceIsMatchedLikeAnUpload() throws IOException {
		String host = pagesCatalog();
		byte[] image = png(picture(new Random(this.catalog.id().hashCode() + 7)));
		String list = "industry-snap-" + this.catalog.id();
		this.knownContent.importList("sha256," + hex("SHA-256", image) + "\n", list, "industry", "test");
		contentSource.serve("/objects/" + host + "/p/9.png", "image/png", image);

		long reportId = submit("general", report("https://" + host + "/p/9.png"));
		caseOf(reportId);

		assertThat(decision(reportId, "facts")).contains("\"known_content_match\": true")
			.contains("\"known_content_lists\": [\"" + list + "\"]");
		assertThat(this.jdbc.sql("select source || ' ' || sha256 from evidence where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.single()).isEqualTo("snapshot " + hex("SHA-256", image));
	}

	@Test
	void aProxiedSiteIsNeverRead() {
		String proxied = "cdn-" + this.catalog.id() + ".pages.example";
		pagesCatalog();
		contentSource.serve("/objects/" + proxied + "/jane", "text/plain",
				"Jane Roe, 221 Baker Street, London, NW1 6XE, +44 20 7123 4567");
		long reportId = submitDoxing("https://" + proxied + "/jane");
		caseOf(reportId);

		assertThat(contentSource.requestsUnder("/objects/" + proxied)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from evidence where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(decision(reportId, "facts")).doesNotContain("street_address");
	}

	@Test
	void urlsThatWouldLeaveTheSourceAreNotReadAndTheRefusalsAreAudited() {
		String host = pagesCatalog();
		contentSource.answer("/objects/" + host + "/moved", new org.abusedesk.ContentSource.Answer(302,
				java.util.Map.of("Location", "http://127.0.0.1:1/elsewhere"), new byte[0], 1, false, false));
		List<Part> parts = new ArrayList<>(List.of(Part.field("reporter_name", "Rita Reporter"),
				Part.field("reporter_email", this.catalog.reporter()),
				Part.field("email_confirm", this.catalog.reporter()), Part.field("reporter_kind", "individual"),
				Part.field("urls",
						"https://" + host + "/a/%2e%2e/%2e%2e/admin\r\nhttps://" + host
								+ "/x%2F..%2F..%2Fadmin\r\nhttps://" + host + "/moved\r\n"),
				Part.field("justification", "Please look at this."), Part.field("notify_host", "send"),
				Part.field("notify_owner", "send-anon"), Part.field("good_faith", "true")));
		parts.add(Part.field("exposed_data", "home address"));
		long reportId = submit("privacy", parts);
		caseOf(reportId);

		assertThat(contentSource.requestsUnder("/objects/" + host + "/"))
			.containsExactly("/objects/" + host + "/moved");
		assertThat(this.jdbc.sql("select count(*) from evidence where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.audit.entries("report:" + reportId))
			.filteredOn((entry) -> entry.action().equals("report.snapshot_refused"))
			.extracting(AuditLog.Entry::details)
			.anySatisfy((details) -> assertThat(details).contains("\"reason\":\"path_not_allowed\""))
			.anySatisfy((details) -> assertThat(details).contains("\"reason\":\"redirect\""))
			.hasSize(3);
	}

	@Test
	void anImageOnAnNcmecListDraftsOneCyberTiplineReportThatLeavesOnceStaffConfirm() throws IOException {
		byte[] image = png(picture(new Random(this.catalog.id().hashCode() + 16)));
		String sha256 = hex("SHA-256", image);
		String md5 = hex("MD5", image);
		String list = "ncmec-" + this.catalog.id();
		this.knownContent.importList("sha256," + sha256 + "\nmd5," + md5 + "\n", list, "ncmec", "test");

		List<Part> parts = report("https://img." + this.catalog.hostedZone() + "/p/2.png");
		parts.add(Part.file("evidence", "upload.png", "image/png", image));
		long reportId = submit("general", parts);
		long caseId = caseOf(reportId);
		List<Part> again = report("https://img." + this.catalog.hostedZone() + "/p/3.png");
		again.add(Part.file("evidence", "again.png", "image/png", image));
		assertThat(caseOf(submit("general", again))).isEqualTo(caseId);

		// one draft for the case, with the file's hashes and the list, and nothing sent
		assertThat(referralOf(caseId)).startsWith("awaiting_confirmation | known_content_match: ")
			.contains("(sha256 " + sha256 + ") on list " + list + " (ncmec) by md5 " + md5)
			.contains("on list " + list + " (ncmec) by sha256 " + sha256);
		String trackingCode = this.jdbc.sql("select tracking_code from report where id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
		assertThat(ncmec.calls()).noneMatch((call) -> call.body().contains(trackingCode));

		// a person looks and confirms: that draft is the report NCMEC gets, once
		Api.Response confirmed = this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"{\"fact\": \"csam_confirmed\", \"checked\": \"Viewed the upload: apparent CSAM, as listed.\"}",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> referralOf(caseId), (referral) -> referral.startsWith("submitted | "));
		assertThat(referralOf(caseId)).startsWith("submitted | csam_confirmed: Viewed the upload")
			.contains("known_content_match: ");
		List<org.abusedesk.NcmecReceiver.Call> submits = ncmec.calls()
			.stream()
			.filter((call) -> call.operation().equals("submit") && call.body().contains(trackingCode))
			.toList();
		assertThat(submits).singleElement();
		assertThat(ncmec.calls("fileinfo", submits.get(0).reportId())).anySatisfy((call) -> assertThat(call.body())
			.contains("<originalFileHash hashType=\"SHA256\">" + sha256 + "</originalFileHash>")
			.contains("<originalFileHash hashType=\"MD5\">" + md5 + "</originalFileHash>"));
	}

	/**
	 * The report was decided as hosted doxing with a phone and a street address, its case
	 * raised to p1 and nothing done yet: detection raises the priority, a person still
	 * decides.
	 */
	private void assertPrioritisedAsDoxingForAPerson(long reportId, long caseId) {
		assertThat(decision(reportId, "rule")).isEqualTo("hosting.doxing");
		assertThat(decision(reportId, "facts")).contains("\"personal_data_kinds\": [\"phone\", \"street_address\"]")
			.contains("\"personal_data_detected\": true");
		assertThat(caseColumn(caseId, "priority")).isEqualTo("p1");
		assertThat(this.jdbc.sql("select count(*) from mitigation where case_id = :id")
			.param("id", caseId)
			.query(Integer.class)
			.single()).isZero();
	}

	/** The case's referral as {@code status | basis}. */
	private String referralOf(long caseId) {
		return this.jdbc.sql("select status || ' | ' || basis from referral where case_id = :case")
			.param("case", caseId)
			.query(String.class)
			.single();
	}

	private static String hex(String algorithm, byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance(algorithm).digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A hosted and a proxied customer under {@code pages.example}, the hosts the test
	 * content source serves; the hosted one's host.
	 */
	private String pagesCatalog() {
		String id = this.catalog.id();
		String document = """
				{"accounts": [
				  {"ref": "pages-%1$s", "name": "Pages Customer %1$s", "abuse_contact": "pages-%1$s@customer.example",
				   "at_risk": false, "status": "active",
				   "properties": [{"zone": "site-%1$s.pages.example", "services": ["hosting"]}]},
				  {"ref": "cdn-%1$s", "name": "CDN Customer %1$s", "abuse_contact": "cdn-%1$s@customer.example",
				   "at_risk": false, "status": "active",
				   "properties": [{"zone": "cdn-%1$s.pages.example", "services": ["proxy"],
				     "origin": {"address": "203.0.113.78", "host_name": "Origin %1$s",
				                "host_abuse_contact": "abuse-%1$s@origin-host.example"}}]}
				]}""".formatted(id);
		Api.Response imported = this.api.put("/api/v1/catalog", document, this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		return "site-" + id + ".pages.example";
	}

	/**
	 * The hosted customer's host under {@code pages.example} ({@link #pagesCatalog}),
	 * whose storage serves {@code content} of {@code type} at {@code path}.
	 */
	private String hostServing(String path, String type, byte[] content) {
		String host = pagesCatalog();
		contentSource.serve("/objects/" + host + path, type, content);
		return host;
	}

	private String sha256Of(long reportId) {
		byte[] content = this.jdbc.sql("select content from evidence where report_id = :id")
			.param("id", reportId)
			.query(byte[].class)
			.single();
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNearCopyOfAListedImageRaisesTheFactAndIsShownBlurred() throws IOException {
		BufferedImage picture = picture(new Random(this.catalog.id().hashCode()));
		PdqHasher hasher = new PdqHasher();
		// the list holds the hash of a smaller copy: PDQ matches within its distance
		String listed = hasher.hash(scaled(picture)).hash().hex();
		String list = "industry-" + this.catalog.id();
		KnownContent.ImportResult imported = this.knownContent
			.importList("algorithm,hash\npdq," + listed + "\nmd5,nothex\n", list, "industry", "test");
		assertThat(imported.imported()).isEqualTo(1);
		assertThat(imported.rejected()).containsExactly("line 3: a md5 hash is 32 hex digits");

		List<Part> parts = report("https://img." + this.catalog.hostedZone() + "/p/1.png");
		parts.add(Part.file("evidence", "upload.png", "image/png", png(picture)));
		long reportId = submit("general", parts);
		long caseId = caseOf(reportId);

		assertThat(decision(reportId, "rule")).isEqualTo("hosting.known_content");
		assertThat(decision(reportId, "facts")).contains("\"known_content_match\": true")
			.contains("\"known_content_lists\": [\"" + list + "\"]");
		long evidenceId = this.jdbc.sql("select id from evidence where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();

		ConsoleSession reviewer = session(Role.REVIEWER);
		String reviewed = reviewer.get("/console/cases/" + caseId).body();
		assertThat(reviewed).contains("On a known-content list: " + list + " (industry, pdq")
			.contains("class=\"evidence-image known-image\"")
			.contains("type=\"checkbox\" class=\"reveal\" id=\"reveal-" + evidenceId + "\"");
		assertThat(reviewer.get("/console/evidence/" + evidenceId).status()).isEqualTo(200);

		ConsoleSession agent = session(Role.AGENT);
		String seen = agent.get("/console/cases/" + caseId).body();
		assertThat(seen).contains("On a known-content list")
			.contains("upload.png (withheld: known content)")
			.doesNotContain("/console/evidence/" + evidenceId);
		assertThat(agent.get("/console/evidence/" + evidenceId).status()).isEqualTo(403);
	}

	private ConsoleSession session(Role role) {
		String name = role.name().toLowerCase() + "-" + this.catalog.id();
		if (this.jdbc.sql("select count(*) from staff_user where name = :name")
			.param("name", name)
			.query(Integer.class)
			.single() == 0) {
			this.accounts.create(name, role, PASSWORD);
		}
		return new ConsoleSession(this.port).signIn(name, PASSWORD);
	}

	private List<Part> report(String url) {
		return new ArrayList<>(List.of(Part.field("reporter_name", "Rita Reporter"),
				Part.field("reporter_email", this.catalog.reporter()),
				Part.field("email_confirm", this.catalog.reporter()), Part.field("reporter_kind", "individual"),
				Part.field("urls", url + "\r\n"), Part.field("justification", "Please look at this."),
				Part.field("notify_host", "send"), Part.field("notify_owner", "send-anon"),
				Part.field("good_faith", "true")));
	}

	/**
	 * Submits a privacy report about {@code url} that says an address and a phone number
	 * are exposed, with the evidence given: its id.
	 */
	private long submitDoxing(String url, Part... evidence) {
		List<Part> parts = report(url);
		parts.add(Part.field("exposed_data", "home address and phone number"));
		parts.addAll(List.of(evidence));
		return submit("privacy", parts);
	}

	private long submit(String type, List<Part> parts) {
		Page page = new WebForm(this.port).submit(type, parts);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		Matcher matcher = TRACKING_CODE.matcher(page.body());
		assertThat(matcher.find()).as(page.body()).isTrue();
		return this.jdbc.sql("select id from report where tracking_code = :code")
			.param("code", matcher.group())
			.query(Long.class)
			.single();
	}

	private String decision(long reportId, String column) {
		caseOf(reportId);
		return this.jdbc.sql("select cast(" + column + " as text) from decision where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

	private String caseColumn(long caseId, String column) {
		return this.jdbc.sql("select " + column + " from abuse_case where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	private static BufferedImage picture(Random random) {
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 320, 240);
		for (int i = 0; i < 30; i++) {
			g.setColor(new java.awt.Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
			g.fillOval(random.nextInt(320), random.nextInt(240), 20 + random.nextInt(100), 20 + random.nextInt(80));
		}
		g.dispose();
		return image;
	}

	private static BufferedImage scaled(BufferedImage image) {
		BufferedImage out = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = out.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
				java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, 160, 120, null);
		g.dispose();
		return out;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
