package org.abusedesk.intake.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormInputTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReportValidator validator = new ReportValidator(this.json);

	@Test
	void completeFormIsTheBodyTheApiWouldHaveReceived() {
		ReportFormInput input = input(ReportType.DMCA, Map.ofEntries(Map.entry("reporter_name", "Rita"),
				Map.entry("reporter_email", "rita@example.org"), Map.entry("email_confirm", "rita@example.org"),
				Map.entry("reporter_kind", "rights_holder"), Map.entry("reporter_country", "gb"),
				Map.entry("urls", "https://films.example/a.mp4\r\n\r\n  https://films.example/b.mp4 \r\n"),
				Map.entry("justification", "Copies of our film."), Map.entry("work", "The film"),
				Map.entry("rights_holder_name", "Example Pictures"),
				Map.entry("rights_holder_address", "1 Film Street"), Map.entry("accuracy_statement", "true"),
				Map.entry("signature", "Rita"), Map.entry("notify_host", "send"), Map.entry("notify_owner", "send"),
				Map.entry("good_faith", "true"), Map.entry("_csrf", "not part of the report")));

		ReportSubmission submission = this.validator.validate("dmca", this.json.writeValueAsBytes(input.toJson(null)));

		assertThat(submission.urls()).containsExactly("https://films.example/a.mp4", "https://films.example/b.mp4");
		assertThat(submission.reporter().country()).isEqualTo("GB");
		assertThat(submission.details()).containsEntry("accuracy_statement", true)
			.containsEntry("rights_holder_name", "Example Pictures");
		assertThat(submission.notifyOwner()).isEqualTo(NotifyChoice.SEND);
		assertThat(input.errors()).isEmpty();
	}

	@Test
	void blankFieldsAreLeftOutSoThatTheyAreRequired() {
		ObjectNode body = input(ReportType.PHISHING, Map.of("reporter_name", " ", "urls", "\n", "good_faith", ""))
			.toJson(null);

		assertThat(body.get("reporter").has("name")).isFalse();
		assertThat(body.has("urls")).isFalse();
		assertThat(body.has("justification")).isFalse();
		assertThat(body.has("good_faith")).isFalse();
		assertThat(body.get("notify").isEmpty()).isTrue();
	}

	@Test
	void anonymousReportOfAbuseOfChildrenHasNoReporter() {
		ObjectNode body = input(ReportType.CHILDREN, Map.of("reporter_kind", "individual", "notify_ncmec", "send-anon"))
			.toJson(null);

		assertThat(body.has("reporter")).isFalse();
		assertThat(body.get("notify").get("ncmec").asString()).isEqualTo("send-anon");
	}

	@Test
	void networkAbuseGivesAddressesAndPortsAsTheApiTakesThem() {
		ObjectNode body = input(ReportType.GENERAL, Map.of("ips", "192.0.2.1\n2001:db8::1", "ports", "22, 443,x"))
			.toJson(null);

		assertThat(body.has("urls")).isFalse();
		assertThat(body.get("ips")).hasSize(2);
		assertThat(body.get("ports").get(0).isInt()).isTrue();
		assertThat(body.get("ports").get(2).asString()).isEqualTo("x");
	}

	@Test
	void emailTypedDifferentlyTheSecondTimeIsAMismatch() {
		assertThat(
				input(ReportType.PHISHING, Map.of("reporter_email", "a@example.org", "email_confirm", "b@example.org"))
					.errors())
			.extracting(FieldError::field, FieldError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("email_confirm", "mismatch"));
		assertThat(
				input(ReportType.PHISHING, Map.of("reporter_email", "a@example.org", "email_confirm", " a@example.org"))
					.errors())
			.isEmpty();
	}

	@Test
	void listItemsAreNamedByTheirPositionInTheApiBody() {
		ReportFormInput input = input(ReportType.LEGAL_ORDER,
				Map.of("urls", "https://a.example/1\n\nhttps://b.example/2", "territorial_scope", "DE, XX"));

		assertThat(input.item("urls", 1)).hasValue("https://b.example/2");
		assertThat(input.item("territorial_scope", 1)).hasValue("XX");
		assertThat(input.item("urls", 2)).isEmpty();
		assertThat(input.item("issuing_authority", 0)).isEmpty();
	}

	private static ReportFormInput input(ReportType type, Map<String, String> fields) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		ReportFormInput input = ReportFormInput.of(ReportTypeSpecs.of(type), params);
		assertThat(input.values()).doesNotContainKey("_csrf");
		return input;
	}

}
