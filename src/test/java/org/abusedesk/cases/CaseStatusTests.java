package org.abusedesk.cases;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The case lifecycle's moves, in one place. */
class CaseStatusTests {

	@Test
	void everyCaseCanBeClosedAndNothingReturnsToNew() {
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(status.mayBecome(CaseStatus.CLOSED)).as(status.wire()).isTrue();
			assertThat(status.mayBecome(CaseStatus.NEW)).as(status.wire()).isEqualTo(status == CaseStatus.NEW);
		}
	}

	@Test
	void aDecidedCaseReachesTheQueueAgainOnlyThroughReviewOrANewReport() {
		for (CaseStatus decided : EnumSet.of(CaseStatus.ACTIONED, CaseStatus.FORWARDED)) {
			assertThat(decided.mayBecome(CaseStatus.TRIAGE)).isTrue();
			assertThat(decided.mayBecome(CaseStatus.IN_REVIEW)).isTrue();
			assertThat(decided.mayBecome(CaseStatus.AWAITING_CUSTOMER)).isFalse();
		}
		assertThat(CaseStatus.REJECTED.mayBecome(CaseStatus.FORWARDED)).isFalse();
		assertThat(CaseStatus.CLOSED.mayBecome(CaseStatus.ACTIONED)).isFalse();
		assertThat(CaseStatus.CLOSED.mayBecome(CaseStatus.APPEALED)).isTrue();
	}

	@Test
	void wireValuesAreTheGlossarys() {
		assertThat(EnumSet.allOf(CaseStatus.class)).extracting(CaseStatus::wire)
			.containsExactly("new", "triage", "awaiting_customer", "in_review", "awaiting_approval", "actioned",
					"forwarded", "rejected", "appealed", "closed");
		assertThat(CaseStatus.OPEN).containsExactlyInAnyOrderElementsOf(CaseQueue.OPEN);
	}

}
