package org.abusedesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.abusedesk.audit.AuditLog.Entry;
import org.abusedesk.audit.AuditLog.Verification;
import org.abusedesk.database.internal.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the database refuses, and what the verifier finds when someone with enough rights
 * goes around the refusal. Every test that tampers puts the row back, because all tests
 * share one database and verify() walks all of it.
 */
class AuditTamperTests extends AuditTest {

	@Autowired
	private Environment environment;

	@Test
	void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() {
		Entry entry = this.audit.append(stream(), "system", "report.received", Map.of());
		assertRefused("update audit_entry set details = '{}' where id = " + entry.id(),
				"audit_entry is append-only: UPDATE is not allowed");
		assertRefused("delete from audit_entry where id = " + entry.id(),
				"audit_entry is append-only: DELETE is not allowed");
		assertRefused("truncate audit_entry", "audit_entry is append-only: TRUNCATE is not allowed");
		assertThat(this.audit.entries(entry.stream())).containsExactly(entry);
	}

	@Test
	void theDatabaseRefusesAHashThatIsNotSixtyFourLowerCaseHexDigits() {
		String good = "0".repeat(64);
		for (String bad : new String[] { "0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64),
				"0".repeat(63) + "\n", "0".repeat(63) + "é", "" }) {
			assertRefused("""
					insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
					values ('%s', 1, now(), 'system', 'x', '{}', '%s', '%s')""".formatted(stream(), good, bad),
					"audit_entry_hash_check");
			assertRefused("""
					insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
					values ('%s', 1, now(), 'system', 'x', '{}', '%s', '%s')""".formatted(stream(), bad, good),
					"audit_entry_prev_hash_check");
			assertRefused("insert into audit_stream (stream, last_seq, last_hash) values ('%s', 0, '%s')"
				.formatted(stream(), bad), "audit_stream_last_hash_check");
		}
	}

	@Test
	void theDatabaseLetsAHeadOnlyMoveForward() {
		Entry entry = this.audit.append(stream(), "system", "report.received", Map.of());
		assertRefused("update audit_stream set last_seq = 0 where stream = '" + entry.stream() + "'",
				"may only advance (from 1 to 0)");
		assertRefused("update audit_stream set last_seq = 1 where stream = '" + entry.stream() + "'",
				"may only advance (from 1 to 1)");
		assertRefused("delete from audit_stream where stream = '" + entry.stream() + "'",
				"audit_stream is append-only: DELETE is not allowed");
		assertRefused("truncate audit_stream", "audit_stream is append-only: TRUNCATE is not allowed");
	}

	@Test
	void verifyNamesAnEntryAlteredBehindTheTriggersBack() {
		String stream = stream();
		this.audit.append(stream, "reporter", "report.received", Map.of("url", "https://example.com/phish"));
		Entry altered = this.audit.append(stream, "staff:alice", "report.decided", Map.of("plan", "suspend"));
		this.audit.append(stream, "system", "report.closed", Map.of());
		bypassingTriggers("update audit_entry set details = ? where id = ?", "{\"plan\":\"ignore\"}", altered.id());
		try {
			Verification verification = this.audit.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntryId()).isEqualTo(altered.id());
			assertThat(verification.problem())
				.startsWith("hash mismatch in stream " + stream + " at seq 2: stored " + altered.hash() + " computed ");
		}
		finally {
			bypassingTriggers("update audit_entry set details = ? where id = ?", altered.details(), altered.id());
		}
		assertEveryChainIntact();
	}

	@Test
	void verifyFindsADeletedTailThroughTheHead() {
		String stream = stream();
		this.audit.append(stream, "system", "case.opened", Map.of());
		Entry last = this.audit.append(stream, "staff:bob", "case.closed", Map.of());
		Entry newLast = this.audit.entries(stream).get(0);
		bypassingTriggers("delete from audit_entry where id = ?", last.id());
		try {
			Verification verification = this.audit.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntryId()).isEqualTo(newLast.id());
			assertThat(verification.problem()).startsWith("head of stream " + stream + " names seq 2")
				.contains("but the last entry is seq 1");
		}
		finally {
			restore(last);
		}
		assertEveryChainIntact();
	}

	@Test
	void verifyFindsAStreamWhoseEntriesAreAllGone() {
		Entry only = this.audit.append(stream(), "system", "catalog.imported", Map.of());
		bypassingTriggers("delete from audit_entry where id = ?", only.id());
		try {
			Verification verification = this.audit.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntryId()).isZero();
			assertThat(verification.problem())
				.isEqualTo("head of stream " + only.stream() + " names entries but the stream has none");
		}
		finally {
			restore(only);
		}
		assertEveryChainIntact();
	}

	private static String stream() {
		return "tamper:" + UUID.randomUUID();
	}

	private void assertRefused(String sql, String message) {
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc.sql(sql).update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).isInstanceOf(SQLException.class)
				.hasMessageContaining(message));
	}

	// session_replication_role = replica skips ordinary triggers: the way a superuser can
	// go around the append-only rule. On the embedded server that is postgres (the
	// application's role is no superuser, ADR 0009); on an external one, the test
	// database's user.
	private void bypassingTriggers(String sql, Object... params) {
		JdbcClient client = this.jdbc;
		PlatformTransactionManager transactionManager = this.transactions;
		String dataDirectory = this.environment.getProperty("abusedesk.database.embedded.data-directory");
		if (dataDirectory != null) {
			DataSource superuser = new DriverManagerDataSource(
					this.environment.getRequiredProperty("spring.datasource.url"), "postgres",
					superuserPassword(Path.of(dataDirectory)));
			client = JdbcClient.create(superuser);
			transactionManager = new DataSourceTransactionManager(superuser);
		}
		JdbcClient bypassing = client;
		new TransactionTemplate(transactionManager).executeWithoutResult((status) -> {
			bypassing.sql("set local session_replication_role = replica").update();
			bypassing.sql(sql).params(params).update();
		});
	}

	private static String superuserPassword(Path dataDirectory) {
		Properties passwords = new Properties();
		try (var in = Files.newBufferedReader(dataDirectory.resolve(EmbeddedPostgresServer.PASSWORDS))) {
			passwords.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return passwords.getProperty("postgres");
	}

	private void restore(Entry entry) {
		bypassingTriggers("""
				insert into audit_entry (id, stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entry.id(), entry.stream(), entry.seq(),
				OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(), entry.action(),
				entry.details(), entry.prevHash(), entry.hash());
	}

}
