package org.abusedesk.transparency.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.abusedesk.IntegrationTest;
import org.abusedesk.transparency.DsaDatabaseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "Submission": statements go to the DSA Transparency Database in batches of at
 * most 100, exactly once across a restart (a second submitter on the same database takes
 * over), a batch whose answer was lost is recognised by its puids, a refused batch is
 * split until the refused statement is alone, and that one is kept with the database's
 * error for staff. Against a local server that enforces the database's rules (it runs the
 * conformance checker on every batch).
 */
class StatementSubmissionTests extends IntegrationTest {

	/** Mitigation ids no real mitigation of the test run has. */
	private static final AtomicLong fakeMitigation = new AtomicLong(
			900_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@Autowired
	private StatementStore store;

	@Autowired
	private StatementComposer composer;

	@Autowired
	private StatementScan scan;

	@Autowired
	private ObjectMapper json;

	private DsaDatabaseServer database;

	@BeforeEach
	void startTheDatabase() {
		this.database = DsaDatabaseServer.start();
		// the statements other tests made are not this test's to submit
		this.scan.scanAll();
		this.jdbc.sql("update statement_of_reasons set status = 'submitted' where status in ('waiting', 'submitting')")
			.update();
	}

	@AfterEach
	void stopTheDatabase() {
		this.database.close();
	}

	private StatementSubmitter submitter(Duration lease, Duration retryBase) {
		return new StatementSubmitter(this.store, this.json, this.database.url(), DsaDatabaseServer.TOKEN, 100, lease,
				retryBase, Duration.ofHours(6));
	}

	@Test
	void twoHundredFiftyStatementsGoAsThreeBatchesExactlyOnceAcrossARestart() {
		List<String> puids = seed(250);

		// the first node submits one batch, then stops
		assertThat(submitter(Duration.ofMinutes(5), Duration.ofMinutes(1)).submitOneBatch()).isEqualTo(100);
		// after the restart, a new submitter on the same database does the rest
		StatementSubmitter restarted = submitter(Duration.ofMinutes(5), Duration.ofMinutes(1));
		assertThat(restarted.submitDue()).isEqualTo(2);
		assertThat(restarted.submitDue()).isZero();

		assertThat(this.database.acceptedBatches()).extracting(List::size).containsExactly(100, 100, 50);
		assertThat(this.database.calls()).containsExactly(100, 100, 50);
		List<String> sent = this.database.acceptedBatches().stream().flatMap(List::stream).toList();
		assertThat(sent).doesNotHaveDuplicates().containsExactlyElementsOf(puids);
		assertThat(statuses(puids)).containsOnlyKeys("submitted");
		// each knows its id in the database
		Map<String, String> stored = this.database.stored();
		for (String puid : puids) {
			assertThat(uuidOf(puid)).isEqualTo(stored.get(puid));
		}
	}

	@Test
	void aNodeThatStopsBeforeSendingLeavesItsBatchToTheNextOnceTheLeaseRunsOut() {
		List<String> puids = seed(30);
		// claimed under a lease that has run out, never sent: the node stopped
		assertThat(this.store.claim(100, Duration.ZERO)).hasSize(30);

		assertThat(submitter(Duration.ofMinutes(5), Duration.ofMinutes(1)).submitDue()).isEqualTo(1);

		assertThat(this.database.acceptedBatches()).singleElement().isEqualTo(puids);
		assertThat(statuses(puids)).containsOnlyKeys("submitted");
	}

	@Test
	void aBatchWhoseAnswerWasLostIsRecognisedByItsPuidsAndStoredOnce() {
		List<String> puids = seed(10);
		this.database.loseAnswers(1);

		submitter(Duration.ofMinutes(5), Duration.ZERO).submitDue();
		assertThat(statuses(puids)).containsOnlyKeys("waiting");
		submitter(Duration.ofMinutes(5), Duration.ZERO).submitDue();

		assertThat(this.database.calls()).containsExactly(10, 10);
		assertThat(this.database.acceptedBatches()).singleElement().isEqualTo(puids);
		assertThat(this.database.stored().keySet()).containsAll(puids);
		assertThat(statuses(puids)).containsOnlyKeys("submitted");
	}

	@Test
	void anUnavailableDatabaseIsTriedAgainLaterWithGrowingDelays() {
		List<String> puids = seed(5);
		this.database.beUnavailable(2);
		StatementSubmitter submitter = submitter(Duration.ofMinutes(5), Duration.ofMinutes(1));

		Instant before = Instant.now();
		submitter.submitDue();
		assertThat(statuses(puids)).containsOnlyKeys("waiting");
		assertThat(nextAttempt(puids.get(0))).isAfter(before.plus(Duration.ofSeconds(59)));
		assertThat(lastError(puids.get(0))).startsWith("HTTP 503");
		// due again (as if a minute had passed): the second failure waits twice as long
		dueNow(puids);
		submitter.submitDue();
		assertThat(nextAttempt(puids.get(0))).isAfter(Instant.now().plus(Duration.ofSeconds(119)));
		dueNow(puids);
		submitter.submitDue();

		assertThat(statuses(puids)).containsOnlyKeys("submitted");
		assertThat(this.database.calls()).containsExactly(5, 5, 5);
	}

	@Test
	void aRefusedStatementIsIsolatedAndKeptWithTheDatabasesErrorWhileTheOthersGo() {
		List<String> puids = seed(149);
		String refused = seedInvalid();
		puids.addAll(seed(100));

		submitter(Duration.ofMinutes(5), Duration.ofMinutes(1)).submitDue();

		assertThat(this.database.stored().keySet()).containsAll(puids).doesNotContain(refused);
		List<String> sent = this.database.acceptedBatches().stream().flatMap(List::stream).toList();
		assertThat(sent).doesNotHaveDuplicates().hasSize(249);
		assertThat(this.database.acceptedBatches())
			.allSatisfy((batch) -> assertThat(batch.size()).isLessThanOrEqualTo(100));
		assertThat(statuses(puids)).containsOnlyKeys("submitted");
		assertThat(statuses(List.of(refused))).containsOnlyKeys("refused");
		assertThat(lastError(refused)).contains("statement_0.category").contains("The selected category is invalid.");
		assertThat(this.store.refused(1000)).extracting(StatementStore.Refused::puid).contains(refused);
	}

	/** Valid statements, as the composer makes them, of mitigations that do not exist. */
	private List<String> seed(int count) {
		List<String> puids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StatementFacts facts = facts(fakeMitigation.incrementAndGet());
			Map<String, Object> statement = this.composer.restriction(facts);
			assertThat(
					this.store.record(facts, "restriction", this.composer.puid(facts, "restriction"), statement, true))
				.isTrue();
			puids.add(this.composer.puid(facts, "restriction"));
		}
		return puids;
	}

	private String seedInvalid() {
		StatementFacts facts = facts(fakeMitigation.incrementAndGet());
		Map<String, Object> statement = new java.util.LinkedHashMap<>(this.composer.restriction(facts));
		statement.put("category", "STATEMENT_CATEGORY_SOMETHING_ELSE");
		this.store.record(facts, "restriction", this.composer.puid(facts, "restriction"), statement, true);
		return this.composer.puid(facts, "restriction");
	}

	private static StatementFacts facts(long mitigationId) {
		Instant effective = Instant.parse("2026-11-20T10:00:00Z");
		return new StatementFacts(mitigationId, 1, "content_disable", "url_pattern", List.of(), "active", effective,
				null, effective, StatementComposer.INCOMPATIBLE, null, "Terms of service: prohibited content",
				"general", List.of("hosting"), effective.minus(Duration.ofDays(1)), List.of("individual"), null, null,
				false);
	}

	private Map<String, Long> statuses(List<String> puids) {
		Map<String, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("select status, count(*) from statement_of_reasons where puid in (:puids) group by status")
			.param("puids", puids)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(new HashSet<>(puids).size());
		return counts;
	}

	/** Makes the statements due again, as if their delay had passed. */
	private void dueNow(List<String> puids) {
		this.jdbc.sql("update statement_of_reasons set next_attempt_at = now() where puid in (:puids)")
			.param("puids", puids)
			.update();
	}

	private String uuidOf(String puid) {
		return queryOne(String.class, "select database_uuid from statement_of_reasons where puid = ?", puid);
	}

	private Instant nextAttempt(String puid) {
		return queryOne(java.sql.Timestamp.class, "select next_attempt_at from statement_of_reasons where puid = ?",
				puid)
			.toInstant();
	}

	private String lastError(String puid) {
		return queryOne(String.class, "select last_error from statement_of_reasons where puid = ?", puid);
	}

}
