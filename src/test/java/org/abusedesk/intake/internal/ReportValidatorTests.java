package org.abusedesk.intake.internal;

import java.nio.charset.StandardCharsets;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportValidatorTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReportValidator validator = new ReportValidator(this.json);

	private ObjectNode complete() {
		return (ObjectNode) this.json.readTree("""
				{"reporter": {"name": "Ana Reporter", "email": "ana@reporter.example", "kind": "individual",
				              "organisation": "Reporter Org", "country": "DE"},
				 "urls": ["https://shop.proxied.example/login", "https://shop.proxied.example/pay"],
				 "justification": "This page imitates a bank login.",
				 "comments": "Seen in a spam run.",
				 "notify": {"host": "send", "owner": "send-anon"},
				 "good_faith": true}""");
	}

	private ReportSubmission validate(String type, ObjectNode body) {
		return this.validator.validate(type, body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private java.util.List<FieldError> errors(String type, ObjectNode body) {
		return catchThrowableOfType(InvalidInputException.class, () -> validate(type, body)).errors();
	}

	/** The errors, each as its field and its code. */
	private java.util.List<String> fieldsAndCodes(String type, ObjectNode body) {
		return errors(type, body).stream().map((error) -> error.field() + " " + error.code()).toList();
	}

	@Test
	void acceptsACompleteGeneralReport() {
		ReportSubmission report = validate("general", complete());
		assertThat(report.type()).isEqualTo(ReportType.GENERAL);
		assertThat(report.host()).isEqualTo("shop.proxied.example");
		assertThat(report.urls()).hasSize(2);
		assertThat(report.reporter().kind()).isEqualTo(ReporterKind.INDIVIDUAL);
		assertThat(report.notifyHost()).isEqualTo(NotifyChoice.SEND);
		assertThat(report.notifyOwner()).isEqualTo(NotifyChoice.SEND_ANON);
	}

	@Test
	void acceptsATargetedBrandOnPhishingOnly() {
		ObjectNode body = complete().put("targeted_brand", "Example Bank");
		assertThat(validate("phishing", body).details()).containsEntry("targeted_brand", "Example Bank");
		assertThat(errors("general", body)).containsExactly(
				new FieldError("targeted_brand", "unknown_field", "This field is not part of the report."));
	}

	@Test
	void listsEveryMissingFieldAtOnce() {
		ObjectNode body = this.json.createObjectNode();
		assertThat(fieldsAndCodes("general", body)).containsExactlyInAnyOrder("reporter required", "urls required",
				"justification required", "notify required", "good_faith required");
	}

	@Test
	void requiresTheReporterFields() {
		ObjectNode body = complete();
		((ObjectNode) body.get("reporter")).remove("name");
		((ObjectNode) body.get("reporter")).put("email", "not-an-address");
		((ObjectNode) body.get("reporter")).put("country", "XX");
		assertThat(fieldsAndCodes("general", body)).containsExactlyInAnyOrder("reporter.name required",
				"reporter.email invalid", "reporter.country invalid");
	}

	@Test
	void privilegedReporterKindsNeedAToken() {
		ObjectNode body = complete();
		((ObjectNode) body.get("reporter")).put("kind", "trusted_flagger");
		assertThat(fieldsAndCodes("general", body)).containsExactly("reporter.kind requires_token");
	}

	@Test
	void rejectsUrlsOnTwoHostsDuplicatesAndNonHttp() {
		ObjectNode body = complete();
		body.putArray("urls")
			.add("https://a.example/x")
			.add("https://b.example/y")
			.add("https://a.example/x")
			.add("ftp://a.example/z")
			.add("not a url");
		assertThat(fieldsAndCodes("general", body)).containsExactly("urls[1] multiple_hosts", "urls[2] duplicate",
				"urls[3] invalid_url", "urls[4] invalid_url");
	}

	@Test
	void treatsHostNamesCaseAndTrailingDotAsOneHost() {
		ObjectNode body = complete();
		body.putArray("urls").add("https://Shop.Example./a").add("https://shop.example/b");
		assertThat(validate("general", body).host()).isEqualTo("shop.example");
	}

	@Test
	void limitsTheNumberOfUrlsTo250() {
		ObjectNode body = complete();
		var urls = body.putArray("urls");
		for (int i = 0; i < 251; i++) {
			urls.add("https://a.example/" + i);
		}
		assertThat(errors("general", body)).extracting(FieldError::code).containsExactly("too_many");
		urls.remove(250);
		assertThat(validate("general", body).urls()).hasSize(250);
	}

	@Test
	void limitsTextLengths() {
		ObjectNode body = complete().put("justification", "x".repeat(5001)).put("comments", "y".repeat(2001));
		assertThat(fieldsAndCodes("general", body)).containsExactlyInAnyOrder("justification too_long",
				"comments too_long");
		body.put("justification", "x".repeat(5000)).put("comments", "y".repeat(2000));
		assertThat(validate("general", body).justification()).hasSize(5000);
	}

	@Test
	void refusesTheNulCharacterWhichNoTextColumnCanHold() {
		ObjectNode body = complete().put("comments", "a\u0000b");
		body.putArray("urls").add("https://shop.proxied.example/a\u0000b").add("https://shop.proxied.example/\tx");
		assertThat(errors("general", body)).containsExactlyInAnyOrder(
				new FieldError("comments", "invalid_character", "Text may not contain the NUL character (U+0000)."),
				new FieldError("urls[0]", "invalid_url", "A URL may not contain control characters."),
				new FieldError("urls[1]", "invalid_url", "A URL may not contain control characters."));
		body.put("comments", "a\u00a0b \ud83d\ude00").putArray("urls").add("https://shop.proxied.example/a%00b");
		assertThat(validate("general", body).comments()).isEqualTo("a\u00a0b \ud83d\ude00");
	}

	@Test
	void theHostIsAlwaysToldAndTheOwnerMayBeSkippedOnlyForGeneral() {
		ObjectNode body = complete();
		((ObjectNode) body.get("notify")).put("host", "none").put("owner", "none");
		assertThat(fieldsAndCodes("general", body)).containsExactly("notify.host not_allowed");
		((ObjectNode) body.get("notify")).put("host", "send-anon");
		assertThat(validate("general", body).notifyOwner()).isEqualTo(NotifyChoice.NONE);
		assertThat(fieldsAndCodes("phishing", body)).containsExactly("notify.owner not_allowed");
	}

	@Test
	void rejectsUnknownFieldsAtEveryLevel() {
		ObjectNode body = complete().put("priority", "urgent");
		((ObjectNode) body.get("reporter")).put("phone_number", "123");
		assertThat(errors("general", body)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("priority", "reporter.phone_number");
	}

	@Test
	void goodFaithMustBeAffirmed() {
		assertThat(errors("general", complete().put("good_faith", false))).extracting(FieldError::field)
			.containsExactly("good_faith");
	}

	@Test
	void rejectsBrokenJsonAndUnsupportedTypes() {
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> this.validator.validate("general", "{\"urls\": [".getBytes(StandardCharsets.UTF_8)))
			.errors()).extracting(FieldError::code).containsExactly("invalid_json");
		assertThat(fieldsAndCodes("no_such_type", complete())).containsExactly("type unsupported_type");
	}

	@Test
	void networkAbuseReportsNameAddressesInsteadOfUrls() {
		ObjectNode body = complete();
		body.remove("urls");
		body.putArray("ips").add("2001:DB8:0:0::1").add("198.51.100.7").add("bogus").add("2001:db8::1");
		assertThat(fieldsAndCodes("general", body)).containsExactly("ips[2] invalid_ip", "ips[3] duplicate");
		body.putArray("ips").add("2001:DB8:0:0::1").add("198.51.100.7");
		ReportSubmission report = validate("general", body);
		assertThat(report.addresses()).containsExactly("2001:db8::1", "198.51.100.7");
		assertThat(report.host()).isEqualTo("2001:db8::1");
		assertThat(report.urls()).isEmpty();
	}

	@Test
	void aChannelVouchesForTheReporterKind() {
		ObjectNode body = complete();
		((ObjectNode) body.get("reporter")).remove("kind");
		ReportSubmission report = this.validator.validate("general", body.toString().getBytes(StandardCharsets.UTF_8),
				ReporterKind.AUTOMATED_FEED);
		assertThat(report.reporter().kind()).isEqualTo(ReporterKind.AUTOMATED_FEED);
		((ObjectNode) body.get("reporter")).put("kind", "individual");
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> this.validator.validate("general", body.toString().getBytes(StandardCharsets.UTF_8),
						ReporterKind.AUTOMATED_FEED))
			.errors()).extracting(FieldError::field, FieldError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("reporter.kind", "not_allowed"));
	}

}
