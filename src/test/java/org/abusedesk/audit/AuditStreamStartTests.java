package org.abusedesk.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.abusedesk.audit.AuditLog.Entry;
import org.abusedesk.audit.AuditLog.NewEntry;
import org.abusedesk.audit.AuditLog.NewStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link AuditLog#startStreams}: many new streams in one statement, never over old ones.
 */
class AuditStreamStartTests extends AuditTest implements WithQuickTheories {

	@Test
	void startsStreamsChainedAsAppendsWouldBeAndAppendsGoOnFromThem() {
		String one = "report:" + UUID.randomUUID();
		String two = "report:" + UUID.randomUUID();
		String three = "report:" + UUID.randomUUID();
		List<Entry> started = this.audit.startStreams(
				List.of(new NewStream(one, List.of(new NewEntry("reporter", "report.received", Map.of("n", 1)))),
						new NewStream(two,
								List.of(new NewEntry("reporter", "report.received", Map.of("n", 2)),
										new NewEntry("system", "report.denied", Map.of("denial_reason", "not_ours")))),
						new NewStream(three, List.of(new NewEntry("reporter", "report.received", null)))));

		assertThat(started).extracting(Entry::stream, Entry::seq, Entry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(one, 1L, "report.received"),
					org.assertj.core.groups.Tuple.tuple(two, 1L, "report.received"),
					org.assertj.core.groups.Tuple.tuple(two, 2L, "report.denied"),
					org.assertj.core.groups.Tuple.tuple(three, 1L, "report.received"));
		assertThat(started.get(0).prevHash()).isEqualTo(GENESIS);
		assertThat(started.get(1).prevHash()).isEqualTo(GENESIS);
		assertThat(started.get(2).prevHash()).isEqualTo(started.get(1).hash());
		assertThat(started.get(3).details()).isEqualTo("{}");
		assertThat(started).allMatch((entry) -> entry.id() > 0);
		assertThat(this.audit.entries(two)).containsExactly(started.get(1), started.get(2));
		assertThat(this.audit.entries(one)).containsExactly(started.get(0));

		Entry next = this.audit.append(two, "system", "report.noted", Map.of());
		assertThat(next.seq()).isEqualTo(3);
		assertThat(next.prevHash()).isEqualTo(started.get(2).hash());
		assertThat(this.audit.append(one, "system", "report.decided", Map.of()).seq()).isEqualTo(2);
		assertEveryChainIntact();
	}

	/** Any text survives the trip to the database unchanged, so the stored hash holds. */
	@Test
	void detailsAreStoredExactlyAsHashed() {
		qt().withExamples(40)
			.forAll(text(), strings().basicLatinAlphabet().ofLengthBetween(1, 8))
			.checkAssert((value, key) -> {
				String stream = "report:" + UUID.randomUUID();
				Map<String, Object> details = new LinkedHashMap<>();
				details.put(key, value);
				details.put("nested", Map.of("list", List.of(value, 1, true)));
				List<Entry> started = this.audit
					.startStreams(List.of(new NewStream(stream, List.of(new NewEntry("reporter", "x", details)))));
				assertThat(this.audit.entries(stream)).containsExactlyElementsOf(started);
			});
		assertEveryChainIntact();
	}

	/**
	 * Any Unicode text: control characters, quotes, supplementary planes; no lone
	 * surrogates.
	 */
	private Gen<String> text() {
		Gen<Integer> codePoint = integers().between(0, 0x10FFFF)
			.map((cp) -> (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) ? cp - 0x800 : cp);
		Gen<String> any = lists().of(codePoint).ofSizeBetween(0, 30).map((points) -> {
			StringBuilder text = new StringBuilder();
			points.forEach(text::appendCodePoint);
			return text.toString();
		});
		return any.mix(strings().ascii().ofLengthBetween(0, 30), 50);
	}

	@Test
	void aStreamThatExistsFailsTheWholeCallLoudly() {
		String fresh = "report:" + UUID.randomUUID();
		String existing = "report:" + UUID.randomUUID();
		Entry first = this.audit.append(existing, "reporter", "report.received", Map.of());
		assertThatIllegalStateException()
			.isThrownBy(() -> this.audit.startStreams(
					List.of(new NewStream(fresh, List.of(new NewEntry("reporter", "report.received", Map.of()))),
							new NewStream(existing, List.of(new NewEntry("reporter", "report.received", Map.of()))))))
			.withMessageContaining(existing);
		assertThat(this.audit.entries(fresh)).isEmpty();
		assertThat(this.audit.entries(existing)).containsExactly(first);
		assertEveryChainIntact();
	}

	@Test
	void aStreamBeingStartedElsewhereIsWaitedForThenRefused() throws Exception {
		String stream = "case:" + UUID.randomUUID();
		HeldTransaction first = holdTransaction(() -> this.audit.append(stream, "system", "case.opened", Map.of()));
		CompletableFuture<List<Entry>> second;
		try {
			second = CompletableFuture.supplyAsync(() -> this.audit.startStreams(
					List.of(new NewStream(stream, List.of(new NewEntry("system", "case.opened", Map.of()))))));
			awaitAStatementWaitingForALock("%insert into audit_stream%unnest%");
		}
		finally {
			first.release();
		}
		first.committed();
		assertThat(second).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
		assertThat(this.audit.entries(stream)).singleElement().extracting(Entry::seq).isEqualTo(1L);
	}

	@Test
	void joinsTheCallersTransaction() {
		String stream = "report:" + UUID.randomUUID();
		rolledBack(() -> this.audit
			.startStreams(List.of(new NewStream(stream, List.of(new NewEntry("reporter", "x", Map.of()))))));
		assertThat(this.audit.entries(stream)).isEmpty();
		assertThat(this.audit.append(stream, "reporter", "x", Map.of()).seq()).isEqualTo(1);
	}

	@Test
	void refusesStreamsNamedTwiceOrWithoutEntries() {
		String stream = "report:" + UUID.randomUUID();
		NewStream once = new NewStream(stream, List.of(new NewEntry("reporter", "x", Map.of())));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.startStreams(List.of(once, once)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audit.startStreams(List.of(new NewStream(stream, new ArrayList<>()))));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit
			.startStreams(List.of(new NewStream(stream, List.of(new NewEntry("", "x", Map.of()))))));
		assertThat(this.audit.startStreams(List.of())).isEmpty();
		assertThat(this.audit.entries(stream)).isEmpty();
	}

}
