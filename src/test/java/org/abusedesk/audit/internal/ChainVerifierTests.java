package org.abusedesk.audit.internal;

import java.util.Map;
import java.util.UUID;

import org.abusedesk.audit.AuditTest;
import org.abusedesk.audit.AuditLog.Verification;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTests extends AuditTest {

	@Test
	void walksEveryEntryAcrossPageAndStreamBoundaries() {
		for (String stream : new String[] { "paging:" + UUID.randomUUID(), "paging:" + UUID.randomUUID() }) {
			for (int i = 0; i < 5; i++) {
				this.audit.append(stream, "system", "paging.step", Map.of("i", i));
			}
		}
		TransactionTemplate snapshot = new TransactionTemplate(this.transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		for (int pageSize : new int[] { 1, 2, 3, 1000 }) {
			snapshot.executeWithoutResult((status) -> {
				long total = this.jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
				Verification verification = new ChainVerifier(this.jdbc, pageSize).verify();
				assertThat(verification.intact()).as(verification.problem()).isTrue();
				assertThat(verification.entriesChecked()).as("page size %d", pageSize).isEqualTo(total);
			});
		}
	}

}
