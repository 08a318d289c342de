package org.abusedesk.intake.internal;

import java.util.Map;

import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormErrorsTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "reporter.email, reporter_email", "reporter, reporter_name", "notify.owner, notify_owner",
			"notify, notify_host", "document.data_base64, document", "justification, justification",
			"rights_holder_name, rights_holder_name" })
	void apiPathsMapToTheIdsOfFormFields(String path, String fieldId) {
		assertThat(ReportFormErrors.fieldId(path)).isEqualTo(fieldId);
	}

	@Test
	void noPathIsTheWholeForm() {
		assertThat(ReportFormErrors.fieldId("")).isEqualTo(ReportFormErrors.FORM);
	}

	@Test
	void problemWithOneItemOfAListNamesTheItemAndKeepsTheApiMessage() {
		ReportFormInput input = new ReportFormInput(ReportTypeSpecs.of(ReportType.PHISHING),
				Map.of("urls", "https://a.example/x\nhttps://b.example/y"));

		ReportFormErrors.Shown shown = ReportFormErrors.show(
				new FieldError("urls[1]", "multiple_hosts", "All URLs of one report must be on one host name."), input);

		assertThat(shown.fieldId()).isEqualTo("urls");
		assertThat(shown.message()).isEqualTo("https://b.example/y: All URLs of one report must be on one host name.");
	}

	@Test
	void evidenceProblemsShowAtTheUploadField() {
		ReportFormInput input = ReportFormInput.empty(ReportTypeSpecs.of(ReportType.PHISHING));

		assertThat(ReportFormErrors.show(new FieldError("evidence[3]", "unsupported_content", "x.png is not"), input))
			.isEqualTo(new ReportFormErrors.Shown("evidence", "x.png is not"));
	}

}
