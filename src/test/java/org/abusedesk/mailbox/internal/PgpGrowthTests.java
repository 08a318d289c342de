package org.abusedesk.mailbox.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines of a cleartext-signed message are made canonical in work linear in their
 * length, counted as characters read (not timed).
 */
class PgpGrowthTests {

	@Test
	void longRunOfBlanksInsideASignedLineIsReadInLinearWork() {
		// "[ \t]+$" tried each blank of the run and read on to its end: 20 000 blanks
		// took
		// 200 million reads, twice as many four times that
		long small = reads(" ".repeat(20_000) + "x");
		long large = reads(" ".repeat(40_000) + "x");
		assertThat(large).as("reads %d for 20 000 blanks, %d for 40 000", small, large).isLessThanOrEqualTo(3 * small);
	}

	@Test
	void trailingBlanksAreRemovedAndOthersKept() {
		assertThat(PgpSignatures.withoutTrailingBlanks(" a \t b \t ")).isEqualTo(" a \t b");
		assertThat(PgpSignatures.withoutTrailingBlanks(" \t ")).isEmpty();
		assertThat(PgpSignatures.withoutTrailingBlanks("a\u00a0")).isEqualTo("a\u00a0");
	}

	private static long reads(String line) {
		ExtractionBudget budget = new ExtractionBudget(Long.MAX_VALUE);
		PgpSignatures.withoutTrailingBlanks(budget.over(line));
		return budget.reads();
	}

}
