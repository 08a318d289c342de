package org.abusedesk.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our X-ARF reports against the published X-ARF v4 schemas, a schema that refuses junk.
 */
class XarfReportsTests {

	private final XarfReports xarf = new XarfReports("abuse@desk.example.com", "Example Provider");

	private final XarfSchema schema = XarfSchema.load();

	@Test
	void everyTypeWithAnXarfCategoryValidatesAndTheOthersHaveNone() {
		for (ReportType type : ReportType.values()) {
			Report report = report(type, List.of("https://shop.kit.example/login"), List.of());
			var json = this.xarf.of(report, NotifyChoice.SEND_ANON);
			if (Set.of(ReportType.PHISHING, ReportType.DMCA, ReportType.GENERAL).contains(type)) {
				assertThat(json).as(type.wire()).isPresent();
				assertThat(this.schema.errors(json.get())).as(json.get()).isEmpty();
				assertThat(json.get()).doesNotContain("reporter@people.example.org");
			}
			else {
				assertThat(json).as(type.wire()).isEmpty();
			}
		}
		var network = this.xarf.of(report(ReportType.GENERAL, List.of(), List.of("2001:db8::7")), NotifyChoice.SEND);
		assertThat(this.schema.errors(network.orElseThrow())).isEmpty();
		assertThat(network.get()).contains("\"source_identifier\" : \"2001:db8::7\"")
			.contains("reporter@people.example.org");
	}

	@Test
	void theSchemaRefusesAReportWithoutItsRequiredFields() {
		assertThat(this.schema.errors("""
				{"xarf_version": "4.0.0", "report_id": "not-a-uuid", "timestamp": "2024-01-01T00:00:00Z",
				 "category": "content", "type": "phishing", "source_identifier": "x.example"}""")).isNotEmpty();
	}

	private static Report report(ReportType type, List<String> urls, List<String> addresses) {
		Resolution resolution = new Resolution("shop.kit.example", "shop.kit.example", null, 1, "kit.example", "zone",
				Set.of(Service.HOSTING), null);
		return new Report(7, "AD-7K3M-Q9XF-2HPA", type, ReportStatus.ACCEPTED, null,
				new Reporter("Rita", "reporter@people.example.org", ReporterKind.INDIVIDUAL, null, null), urls,
				addresses, "A fake bank login page.", null, Map.of(), NotifyChoice.SEND, NotifyChoice.SEND, null,
				resolution, Instant.parse("2024-03-08T10:00:00Z"));
	}

}
