package org.abusedesk.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "statuses and rules in words, not code names": what the console writes for
 * wire values, times and audit entries.
 */
class ConsoleWordsTests {

	private final ConsoleWords words = new ConsoleWords();

	@Test
	void wireValuesAreWords() {
		assertThat(this.words.caseStatus("awaiting_customer")).isEqualTo("Waiting for the customer");
		assertThat(this.words.status("mitigation", "removed")).isEqualTo("Lifted");
		assertThat(this.words.rule("proxy.phishing_confirmed")).isEqualTo("Proxy: phishing confirmed");
		assertThat(this.words.denialReason("duplicate_report"))
			.isEqualTo("You already sent us this report; we are handling the original.");
		assertThat(this.words.review("two_distinct_approvers")).isEqualTo("Two different people must approve");
		// a value nobody mapped yet is still readable
		assertThat(this.words.caseStatus("on_hold")).isEqualTo("On hold");
	}

	@Test
	void aGuardrailsRefusalIsASentence() {
		assertThat(this.words
			.refusal("basis_required: phishing_interstitial on proxy without its basis (phishing_confirmed)"))
			.isEqualTo("Phishing warning page on Proxy (CDN) needs its basis recorded first (phishing confirmed).");
	}

	@Test
	void timesAreRelativeWithTheExactTimeBeside() {
		Instant now = Instant.parse("2026-12-05T12:00:00Z");
		assertThat(ConsoleWords.relative(now.minus(Duration.ofHours(3)), now)).isEqualTo("3 hours ago");
		assertThat(ConsoleWords.relative(now.plus(Duration.ofMinutes(90)), now)).isEqualTo("in 1 hour");
		assertThat(ConsoleWords.relative(now.minusSeconds(20), now)).isEqualTo("just now");
		assertThat(ConsoleWords.relative(now.minus(Duration.ofDays(400)), now)).isEqualTo("1 year ago");
		assertThat(this.words.exact(Instant.parse("2026-12-05T09:05:00.123456Z"))).isEqualTo("5 Dec 2026, 09:05 UTC");
	}

	@Test
	void anAuditEntryIsASentenceWithItsFactsAndNoJson() {
		AuditLog.Entry escalated = new AuditLog.Entry(1, "case:7", 3, Instant.parse("2026-12-05T10:00:00Z"),
				"staff:alice", "case.escalated", "{\"reason\":\"Needs legal.\",\"to\":\"legal\"}", "", "");
		Timeline.Entry entry = Timeline.entry(escalated, false, this.words, Map.of());
		assertThat(entry.headline()).isEqualTo("Escalated the case");
		assertThat(entry.actor()).isEqualTo("alice");
		assertThat(entry.text()).isEqualTo("Needs legal.");
		assertThat(entry.facts()).containsExactly("To: legal");

		AuditLog.Entry sent = new AuditLog.Entry(2, "report:9", 4, Instant.parse("2026-12-05T10:01:00Z"), "system",
				"notification.queued",
				"{\"idempotency_key\":\"k\",\"kind\":\"notify_reporter\",\"recipient\":\"rita@example.org\"}", "", "");
		Timeline.Entry hidden = Timeline.entry(sent, false, this.words, Map.of());
		assertThat(hidden.headline()).isEqualTo("Message queued (report 9)");
		assertThat(hidden.category()).isEqualTo("message");
		assertThat(hidden.facts()).containsExactly("Kind: notify reporter");
		assertThat(Timeline.entry(sent, true, this.words, Map.of()).facts()).contains("Recipient: rita@example.org");

		AuditLog.Entry noted = new AuditLog.Entry(3, "case:7", 5, Instant.parse("2026-12-05T10:02:00Z"), "staff:bob",
				"case.note_added", "{\"note_id\":12}", "", "");
		assertThat(Timeline.entry(noted, false, this.words, Map.of(12L, "Called the host.")))
			.satisfies((note) -> assertThat(note.text()).isEqualTo("Called the host."))
			.satisfies((note) -> assertThat(note.facts()).isEqualTo(List.of()));
	}

}
