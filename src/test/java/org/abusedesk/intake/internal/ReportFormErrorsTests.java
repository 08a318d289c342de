package org.abusedesk.intake.internal;

import java.util.Map;

import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormErrorsTests {

	@Test
	void apiPathsMapToTheIdsOfFormFields() {
		assertThat(ReportFormErrors.fieldId("reporter.email")).isEqualTo("reporter_email");
		assertThat(ReportFormErrors.fieldId("reporter")).isEqualTo("reporter_name");
		assertThat(ReportFormErrors.fieldId("notify.owner")).isEqualTo("notify_owner");
		assertThat(ReportFormErrors.fieldId("notify")).isEqualTo("notify_host");
		assertThat(ReportFormErrors.fieldId("document.data_base64")).isEqualTo("document");
		assertThat(ReportFormErrors.fieldId("justification")).isEqualTo("justification");
		assertThat(ReportFormErrors.fieldId("rights_holder_name")).isEqualTo("rights_holder_name");
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
