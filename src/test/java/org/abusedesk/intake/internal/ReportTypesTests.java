package org.abusedesk.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every report type: one complete notice, and each of its required fields missing. */
class ReportTypesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ReportValidator validator = new ReportValidator(json);

	private static final String PDF = Base64.getEncoder()
		.encodeToString("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

	/** A complete notice of each type, written out by hand. */
	static ObjectNode complete(ReportType type) {
		String common = """
				"reporter": {"name": "Ada Reporter", "email": "ada@reporter.example", "kind": "%s"},
				"urls": ["https://site.example/path/page.html"],
				"justification": "Why this is abusive.",
				"notify": {"host": "send", "owner": "%s"%s},
				"good_faith": true""";
		String specific = switch (type) {
			case DMCA -> """
					, "work": "My photograph 'Harbour at dawn' (2021)", "rights_holder_name": "Ada Reporter",
					"rights_holder_address": "1 Main St, Springfield", "accuracy_statement": true,
					"signature": "Ada Reporter\"""";
			case TRADEMARK -> """
					, "mark": "EXAMPLAR", "registration_number": "1234567", "office": "EUIPO\"""";
			case PHISHING -> ", \"targeted_brand\": \"Example Bank\"";
			case CHILDREN, GENERAL -> "";
			case NCSEI -> ", \"reporter_is_depicted\": true";
			case THREAT -> ", \"imminent\": false";
			case PRIVACY -> ", \"exposed_data\": \"home address and phone number\"";
			case LEGAL_ORDER -> """
					, "issuing_authority": "Landgericht Berlin", "jurisdiction": "DE", "legal_basis": "§ 1004 BGB",
					"order_reference": "27 O 123/26", "territorial_scope": ["DE"],
					"document": {"filename": "order.pdf", "content_type": "application/pdf", "data_base64": "%s"}"""
				.formatted(PDF);
			case REGISTRAR_WHOIS -> """
					, "request_type": "disclosure", "legal_basis": "Art. 6(1)(f) GDPR: enforcing a trademark\"""";
		};
		String kind = (type == ReportType.DMCA || type == ReportType.TRADEMARK) ? "rights_holder" : "individual";
		String owner = (type == ReportType.DMCA || type == ReportType.TRADEMARK) ? "send" : "send-anon";
		String ncmec = (type == ReportType.CHILDREN) ? ", \"ncmec\": \"send-anon\"" : "";
		return (ObjectNode) json.readTree("{" + common.formatted(kind, owner, ncmec) + specific + "}");
	}

	private ReportSubmission validate(ReportType type, ObjectNode body) {
		return this.validator.validate(type.wire(), body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private List<FieldError> errors(ReportType type, ObjectNode body) {
		return catchThrowableOfType(InvalidInputException.class, () -> validate(type, body)).errors();
	}

	@ParameterizedTest
	@EnumSource(ReportType.class)
	void acceptsACompleteNotice(ReportType type) {
		ReportSubmission report = validate(type, complete(type));
		assertThat(report.type()).isEqualTo(type);
		assertThat(report.host()).isEqualTo("site.example");
		ReportTypeSpecs.of(type)
			.fields()
			.stream()
			.filter(FieldSpec::required)
			.forEach((field) -> assertThat(report.details()).containsKey(field.name()));
	}

	static Stream<Arguments> requiredFields() {
		List<Arguments> cases = new ArrayList<>();
		for (ReportType type : ReportType.values()) {
			TypeSpec spec = ReportTypeSpecs.of(type);
			List<String> required = new ArrayList<>(List.of("urls", "justification", "notify", "good_faith"));
			if (!spec.reporterOptional()) {
				required.add("reporter");
			}
			if (spec.documentRequired()) {
				required.add("document");
			}
			spec.fields().stream().filter(FieldSpec::required).forEach((field) -> required.add(field.name()));
			required.forEach((field) -> cases.add(Arguments.of(type, field)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} without {1}")
	@MethodSource("requiredFields")
	void refusesANoticeMissingARequiredField(ReportType type, String field) {
		ObjectNode body = complete(type);
		body.remove(field);
		assertThat(errors(type, body)).extracting(FieldError::field).contains(field);
	}

	@Test
	void childAbuseReportsMayBeAnonymousAndChooseHowNcmecNamesThem() {
		ObjectNode body = complete(ReportType.CHILDREN);
		body.remove("reporter");
		ReportSubmission report = validate(ReportType.CHILDREN, body);
		assertThat(report.reporter().email()).isNull();
		assertThat(report.notifyNcmec()).isEqualTo(NotifyChoice.SEND_ANON);
		((ObjectNode) body.get("notify")).remove("ncmec");
		assertThat(errors(ReportType.CHILDREN, body)).extracting(FieldError::field).containsExactly("notify.ncmec");
	}

	@Test
	void copyrightAndTrademarkNoticesCannotBeAnonymous() {
		for (ReportType type : List.of(ReportType.DMCA, ReportType.TRADEMARK)) {
			ObjectNode body = complete(type);
			((ObjectNode) body.get("notify")).put("owner", "send-anon");
			assertThat(errors(type, body)).extracting(FieldError::field, FieldError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("notify.owner", "not_allowed"));
		}
	}

	@Test
	void theOwnerMayBeLeftOutOnlyWhereTheGlossaryAllowsIt() {
		for (ReportType type : ReportType.values()) {
			ObjectNode body = complete(type);
			((ObjectNode) body.get("notify")).put("owner", "none");
			boolean allowed = type == ReportType.GENERAL || type == ReportType.CHILDREN || type == ReportType.NCSEI
					|| type == ReportType.REGISTRAR_WHOIS;
			if (allowed) {
				assertThat(validate(type, body).notifyOwner()).as(type.wire()).isEqualTo(NotifyChoice.NONE);
			}
			else {
				assertThat(errors(type, body)).as(type.wire())
					.extracting(FieldError::field)
					.containsExactly("notify.owner");
			}
		}
	}

	@Test
	void contentReportsNeedTheUrlOfTheContentNotTheSite() {
		for (ReportType type : List.of(ReportType.DMCA, ReportType.CHILDREN, ReportType.NCSEI, ReportType.THREAT,
				ReportType.PRIVACY)) {
			ObjectNode body = complete(type);
			body.putArray("urls").add("https://site.example/").add("https://site.example");
			assertThat(errors(type, body)).as(type.wire())
				.extracting(FieldError::field, FieldError::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("urls[0]", "direct_url_required"),
						org.assertj.core.groups.Tuple.tuple("urls[1]", "direct_url_required"));
		}
		ObjectNode phishing = complete(ReportType.PHISHING);
		phishing.putArray("urls").add("https://site.example/");
		assertThat(validate(ReportType.PHISHING, phishing).urls()).containsExactly("https://site.example/");
	}

	@Test
	void aLegalOrderDocumentIsCheckedByItsContentNotItsName() {
		ObjectNode body = complete(ReportType.LEGAL_ORDER);
		((ObjectNode) body.get("document")).put("data_base64",
				Base64.getEncoder().encodeToString(new byte[] { 'M', 'Z', 0, 0, 3, 0 }));
		assertThat(errors(ReportType.LEGAL_ORDER, body)).extracting(FieldError::field, FieldError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("document.data_base64", "unsupported_content"));
		ReportSubmission order = validate(ReportType.LEGAL_ORDER, complete(ReportType.LEGAL_ORDER));
		assertThat(order.documents()).singleElement()
			.satisfies((file) -> assertThat(file.detectedType()).isEqualTo("application/pdf"));
		assertThat(order.details()).containsEntry("territorial_scope", List.of("DE"));
	}

	@Test
	void territorialScopeAndJurisdictionAreCountryCodes() {
		ObjectNode body = complete(ReportType.LEGAL_ORDER).put("jurisdiction", "Germany");
		body.putArray("territorial_scope").add("DE").add("XX").add("EU");
		assertThat(errors(ReportType.LEGAL_ORDER, body)).extracting(FieldError::field)
			.containsExactlyInAnyOrder("jurisdiction", "territorial_scope[1]");
	}

}
