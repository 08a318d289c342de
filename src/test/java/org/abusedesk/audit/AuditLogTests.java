package org.abusedesk.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.abusedesk.audit.AuditLog.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditLogTests extends AuditTest {

	@Test
	void appendsBuildOneChainPerStream() {
		String stream = "report:" + UUID.randomUUID();
		String other = "case:" + UUID.randomUUID();
		Entry first = this.audit.append(stream, "reporter", "report.received", Map.of("url", "https://example.com"));
		this.audit.append(other, "system", "case.opened", Map.of());
		Entry second = this.audit.append(stream, "system", "report.decided", Map.of("plan", "notify"));
		Entry third = this.audit.append(stream, "staff:alice", "report.closed", null);

		assertThat(first.seq()).isEqualTo(1);
		assertThat(first.prevHash()).isEqualTo(GENESIS);
		assertThat(second.seq()).isEqualTo(2);
		assertThat(second.prevHash()).isEqualTo(first.hash());
		assertThat(third.seq()).isEqualTo(3);
		assertThat(third.prevHash()).isEqualTo(second.hash());
		assertThat(third.details()).isEqualTo("{}");
		assertThat(List.of(first.hash(), second.hash(), third.hash())).doesNotHaveDuplicates()
			.allMatch((hash) -> hash.matches("[0-9a-f]{64}"));
		assertThat(this.audit.entries(other)).singleElement().satisfies((entry) -> {
			assertThat(entry.seq()).isEqualTo(1);
			assertThat(entry.prevHash()).isEqualTo(GENESIS);
		});
	}

	@Test
	void entriesAreReadBackInOrderExactlyAsAppended() {
		String stream = "case:" + UUID.randomUUID();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("z", 1);
		details.put("a", "ä");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Entry first = this.audit.append(stream, "system", "case.opened", details);
		Entry second = this.audit.append(stream, "staff:bob", "case.claimed", Map.of("by", "bob"));

		assertThat(this.audit.entries(stream)).containsExactly(first, second);
		assertThat(first.details()).isEqualTo("{\"a\":\"ä\",\"z\":1}");
		assertThat(first.occurredAt()).isAfterOrEqualTo(before);
		assertThat(first.occurredAt().getNano() % 1000).isZero();
		assertThat(this.audit.entries("no-such-stream:" + UUID.randomUUID())).isEmpty();
	}

	@Test
	void appendJoinsTheCallersTransaction() {
		String stream = "report:" + UUID.randomUUID();
		rolledBack(() -> this.audit.append(stream, "system", "report.received", Map.of()));
		assertThat(this.audit.entries(stream)).isEmpty();
		// The rolled back first append left no head behind: the stream starts again at 1.
		assertThat(this.audit.append(stream, "system", "report.received", Map.of()).seq()).isEqualTo(1);
	}

	@Test
	void refusesEntriesWithoutStreamActorOrAction() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.append(" ", "system", "x", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.append("s", null, "x", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.append("s", "system", "", Map.of()));
	}

	@Test
	void verifyFindsAFreshChainIntact() {
		String stream = "policy:" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			this.audit.append(stream, "system", "policy.loaded", Map.of("version", i));
		}
		AuditLog.Verification verification = this.audit.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
		assertThat(verification.firstBrokenEntryId()).isZero();
		assertThat(verification.problem()).isNull();
		assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(5);
	}

}
