package org.abusedesk.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportType;
import org.junit.jupiter.api.Test;

import static org.abusedesk.mailbox.internal.Fixtures.address;
import static org.abusedesk.mailbox.internal.Fixtures.assertRead;
import static org.abusedesk.mailbox.internal.Fixtures.host;
import static org.abusedesk.mailbox.internal.Fixtures.parse;
import static org.abusedesk.mailbox.internal.Fixtures.parsed;
import static org.abusedesk.mailbox.internal.Fixtures.url;
import static org.assertj.core.api.Assertions.assertThat;

class MailParserTests {

	@Test
	void readsAFeedbackReportWithItsFieldsAndTheOriginalHeaders() {
		ParsedMessage parsed = parsed("arf.eml");
		assertThat(parsed.format()).isEqualTo(MailFormat.ARF);
		assertThat(parsed.category()).isEqualTo("abuse");
		assertThat(parsed.fromAddress()).isEqualTo("fbl@mailbox-provider.example");
		assertThat(parsed.targets()).containsExactly(address("192.0.2.25"), url("http://spam-site.example/buy-now"),
				host("spam-sender.example"));
		assertThat(parsed.evidence()).contains("Original-Mail-From: <somespammer@spam-sender.example>")
			.contains("Message-ID: <spam-8f7e@spam-sender.example>");
	}

	@Test
	void readsASloppyFeedbackReportWithWrongContentTypesAndVersionZeroOne() {
		ParsedMessage parsed = parsed("arf-sloppy.eml");
		assertThat(parsed.format()).isEqualTo(MailFormat.ARF);
		assertThat(parsed.targets()).extracting(MailTarget::value)
			.containsExactly("198.51.100.7", "https://bank-login.example/secure/verify.php");
		assertThat(parsed.targets()).extracting(MailTarget::type).containsOnly(ReportType.PHISHING);
		assertThat(parsed.evidence()).contains("Subject: Verify your account now");
	}

	@Test
	void readsFeedbackReportsWithLfCrlfOrCrLineEndings() {
		String lf = new String(Fixtures.bytes("arf.eml"), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
		for (String text : new String[] { lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r") }) {
			ParsedMessage parsed = parse(text.getBytes(StandardCharsets.ISO_8859_1));
			assertThat(parsed.format()).isEqualTo(MailFormat.ARF);
			assertThat(parsed.targets()).hasSize(3);
		}
	}

	@Test
	void readsEveryXarfGeneration() {
		assertRead("xarf-yaml.eml", MailFormat.XARF_YAML, "login-attack", "reports@honeypot.example",
				address("203.0.113.44"));
		assertThat(parsed("xarf-json-v1.eml")).satisfies((parsed) -> {
			assertThat(parsed.format()).isEqualTo(MailFormat.XARF_JSON_V1);
			assertThat(parsed.targets()).extracting(MailTarget::value).containsExactly("192.0.2.200");
		});
		assertThat(parsed("xarf-json-v2.eml")).extracting(ParsedMessage::format, ParsedMessage::targets)
			.containsExactly(MailFormat.XARF_JSON_V2,
					List.of(url("http://files.malware-host.example/payload.exe", ReportType.PHISHING)));
		assertThat(parsed("xarf-json-v3.eml"))
			.extracting(ParsedMessage::format, ParsedMessage::organisation, ParsedMessage::targets)
			.containsExactly(MailFormat.XARF_JSON_V3, "Example Security", List.of(address("2001:db8:77::25")));
		assertThat(parsed("xarf-v4.eml")).satisfies((parsed) -> {
			assertThat(parsed.format()).isEqualTo(MailFormat.XARF_V4);
			assertThat(parsed.subject()).isEqualTo("Phishing report – xarf");
			assertThat(parsed.category()).isEqualTo("phishing");
			assertThat(parsed.targets()).extracting(MailTarget::value)
				.containsExactly("198.51.100.80", "https://login-bank.phish-site.example/account/verify");
			assertThat(parsed.evidence()).contains("Credential harvesting page");
		});
	}

	@Test
	void readsXarfV4InTheBody() {
		String message = "From: r@feed.example\r\nSubject: report\r\n\r\n"
				+ new String(Fixtures.bytes("xarf-v4.json"), StandardCharsets.UTF_8);
		ParsedMessage parsed = parse(message.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.format()).isEqualTo(MailFormat.XARF_V4);
		assertThat(parsed.targets()).hasSize(2);
	}

	@Test
	void readsDefangedTargetsOutOfTextInAnUndeclaredCharset() {
		ParsedMessage parsed = parsed("text-defanged.eml");
		assertThat(parsed.format()).isEqualTo(MailFormat.TEXT);
		assertThat(parsed.fromName()).isEqualTo("Jane Doe");
		assertThat(parsed.targets()).extracting(MailTarget::value)
			.containsExactly("https://secure-login.victim-bank-lookalike.example/signin", "203.0.113.9",
					"2001:db8:ab::9", "fake-bank.example");
		assertThat(parsed.targets()).extracting(MailTarget::type).containsOnly(ReportType.PHISHING);
		assertThat(parsed.evidence()).contains("Grüße");
	}

	@Test
	void leavesTheTypeOpenWhenTheTextDoesNotSay() {
		ParsedMessage parsed = parse(
				"From: a@b.example\r\nSubject: hi\r\n\r\nplease look at http://odd.example/x\r\n".getBytes());
		assertThat(parsed.targets()).extracting(MailTarget::type).containsOnlyNulls();
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("does not say clearly"));
	}

	@Test
	void readsCsvFeedsInZipAttachments() throws IOException {
		byte[] zip = zip("feed.csv", "ip,time\n192.0.2.61,2024-03-08\n192.0.2.62,2024-03-08\n");
		ParsedMessage parsed = parse(withAttachment(zip, "feed.zip"));
		assertThat(parsed.targets()).extracting(MailTarget::value).containsExactly("192.0.2.61", "192.0.2.62");
	}

	@Test
	void stopsExpandingAZipBomb() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("zeros.txt"));
			byte[] block = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				zip.write(block);
			}
			zip.closeEntry();
		}
		MailParser small = new MailParser(new MailLimits(25 << 20, 12, 200, 100, 1 << 20, 2, 1000));
		ParsedMessage parsed = small.parse(withAttachment(out.toByteArray(), "bomb.zip"));
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("zip expands to more than"));
	}

	@Test
	void stopsAtZipsNestedTooDeep() throws IOException {
		byte[] zip = zip("inner.csv", "192.0.2.70\n");
		for (int i = 0; i < 4; i++) {
			zip = zip("level" + i + ".zip", zip);
		}
		ParsedMessage parsed = parse(withAttachment(zip, "nested.zip"));
		assertThat(parsed.targets()).isEmpty();
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("zip nested deeper"));
	}

	@Test
	void stopsAtMultipartsNestedTooDeep() {
		StringBuilder message = new StringBuilder("From: a@b.example\r\nSubject: deep\r\n");
		int depth = 40;
		for (int i = 0; i < depth; i++) {
			message.append("Content-Type: multipart/mixed; boundary=b")
				.append(i)
				.append("\r\n\r\n--b")
				.append(i)
				.append("\r\n");
		}
		message.append("Content-Type: text/plain\r\n\r\nspam from 192.0.2.99\r\n");
		for (int i = depth - 1; i >= 0; i--) {
			message.append("--b").append(i).append("--\r\n");
		}
		ParsedMessage parsed = parse(message.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("MIME nesting deeper"));
	}

	@Test
	void limitsTheTargetsOfOneMessage() {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			body.append("spam from 10.").append(i / 250).append('.').append(i % 250).append(".1\n");
		}
		ParsedMessage parsed = parse(("From: a@b.example\r\n\r\n" + body).getBytes());
		assertThat(parsed.targets()).hasSize(MailLimits.DEFAULTS.maxTargets());
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("more than 1000 targets"));
	}

	@Test
	void readsEightBitHeaders() {
		byte[] message = "From: Jürgen <j@b.example>\r\nSubject: Spam über 192.0.2.5\r\n\r\nspam\r\n"
			.getBytes(StandardCharsets.UTF_8);
		ParsedMessage parsed = parse(message);
		assertThat(parsed.fromName()).isEqualTo("Jürgen");
		assertThat(parsed.subject()).isEqualTo("Spam über 192.0.2.5");
	}

	@Test
	void doesNotParseMessagesBeyondTheSizeLimit() {
		MailParser tiny = new MailParser(new MailLimits(100, 12, 200, 100, 1 << 20, 2, 1000));
		ParsedMessage parsed = tiny.parse(new byte[101]);
		assertThat(parsed.targets()).isEmpty();
		assertThat(parsed.problems()).anyMatch((problem) -> problem.contains("larger than 100 bytes"));
	}

	static byte[] zip(String name, Object content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write((content instanceof byte[] bytes) ? bytes : content.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	static byte[] withAttachment(byte[] attachment, String name) {
		String message = "From: feed@feeds.example\r\nSubject: daily feed\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nDaily report.\r\n"
				+ "--zz\r\nContent-Type: application/zip; name=\"" + name
				+ "\"\r\nContent-Transfer-Encoding: base64\r\n" + "Content-Disposition: attachment; filename=\"" + name
				+ "\"\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--zz--\r\n";
		return message.getBytes(StandardCharsets.US_ASCII);
	}

}
