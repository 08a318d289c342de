package org.abusedesk.referrals.internal;

import org.abusedesk.Api;
import org.abusedesk.CommandRun;
import org.abusedesk.DeskTest;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code abusedesk referrals export}: every referral, one JSON line each (issue 15). */
class ReferralsCommandTests extends DeskTest {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void theExportListsAStaffReferralWithItsBasisAndAuthority() {
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send");
		Api.Response referred = this.api.post("/api/v1/cases/" + caseId + "/referrals",
				"{\"basis\": \"Threats against a named journalist.\", \"country\": \"DE\"}",
				staffToken("referrer", Role.SENIOR));
		assertThat(referred.status()).as(referred.body()).isEqualTo(200);

		CommandRun export = CommandRun.run(this.context, "", "referrals", "export");
		assertThat(export.exit()).isZero();
		assertThat(export.err()).matches("referrals export: \\d+ referrals\\R");

		assertThat(export.out().lines()).filteredOn((line) -> line.contains("\"case_id\":" + caseId + ","))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("\"kind\":\"law_enforcement_referral\"")
				.contains("\"authority\":\"BKA\"")
				.contains("\"country\":\"DE\"")
				.contains("\"basis\":\"Referred by our staff: Threats against a named journalist.\"")
				.contains("\"status\":\"queued\""));
	}

}
