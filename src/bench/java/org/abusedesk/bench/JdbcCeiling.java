package org.abusedesk.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The ceiling: the rows one single report writes before its 201 (raw submission, report,
 * two URLs, one audit entry with its stream head, the reporter's receipt in the outbox),
 * written by plain JDBC in one transaction per report, from as many threads as the HTTP
 * run has clients, through a pool as large as the application's. No HTTP, no JSON, no
 * validation, no event publication registry: what the database alone allows. The
 * reports are written as {@code accepted}, not {@code submitted}: the application is still
 * running, and its router would otherwise decide them (and send their messages) while the
 * ceiling is measured.
 */
final class JdbcCeiling {

	private static final AtomicLong sequence = new AtomicLong();

	private JdbcCeiling() {
	}

	/**
	 * @return reports written per second
	 */
	static double run(String jdbcUrl, int threads, int poolSize, Duration duration, BenchCatalog catalog)
			throws InterruptedException {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setMaximumPoolSize(poolSize);
		config.setAutoCommit(false);
		AtomicLong written = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		try (HikariDataSource pool = new HikariDataSource(config)) {
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			List<Thread> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Thread worker = new Thread(() -> {
					while (System.nanoTime() < end) {
						try (Connection connection = pool.getConnection()) {
							try {
								writeReport(connection, catalog, sequence.incrementAndGet());
								connection.commit();
								written.incrementAndGet();
							}
							catch (SQLException ex) {
								connection.rollback();
								failed.incrementAndGet();
							}
						}
						catch (SQLException ex) {
							failed.incrementAndGet();
						}
					}
				}, "jdbc-ceiling-" + t);
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (failed.get() > 0) {
				System.out.println("[bench] JDBC ceiling: " + failed.get() + " transactions failed");
			}
			return written.get() / seconds;
		}
	}

	private static void writeReport(Connection connection, BenchCatalog catalog, long n) throws SQLException {
		byte[] body = catalog.report(n).getBytes(StandardCharsets.UTF_8);
		long rawId;
		try (PreparedStatement raw = connection.prepareStatement("""
				insert into raw_submission (channel, report_type, client_address, body, sha256, outcome)
				values ('api', 'phishing', '127.0.0.1', ?, ?, 'stored') returning id""")) {
			raw.setBytes(1, body);
			raw.setString(2, sha256(body));
			rawId = single(raw);
		}
		String code = "CJ-" + Long.toString(n, 36).toUpperCase() + "-" + System.nanoTime();
		long reportId;
		try (PreparedStatement report = connection.prepareStatement("""
				insert into report (tracking_code, channel, source, raw_submission_id, type, status,
				    reporter_name, reporter_email, reporter_kind, justification, details, notify_host, notify_owner,
				    good_faith, fingerprint, status_secret_hash, target, account_id, account_ref, account_name,
				    account_contact, account_at_risk, account_status, property_id, property, property_kind, services,
				    origin_address, origin_host_name, origin_host_contact)
				values (?, 'api', ?, ?, 'phishing', 'accepted', 'Load Reporter', 'r@reporters.example', 'individual',
				    'A fake bank login page.', '{}'::jsonb, 'send', 'send', true, ?, ?, ?, 1, 'bench-1',
				    'Bench Customer 1', 'abuse@customer1.example', false, 'active', 1, 'proxied-1.example', 'zone',
				    '{proxy}', '203.0.113.7', 'Origin 1', 'abuse@origin1.example') returning id""")) {
			report.setString(1, code);
			report.setString(2, "raw_submission:" + rawId);
			report.setLong(3, rawId);
			report.setString(4, sha256(body));
			report.setString(5, sha256(code.getBytes(StandardCharsets.UTF_8)));
			report.setString(6, "www.proxied-1.example");
			reportId = single(report);
		}
		try (PreparedStatement url = connection
			.prepareStatement("insert into report_url (report_id, position, url) values (?, ?, ?)")) {
			for (int i = 0; i < 2; i++) {
				url.setLong(1, reportId);
				url.setInt(2, i);
				url.setString(3, "https://www.proxied-1.example/" + n + "/" + i);
				url.addBatch();
			}
			url.executeBatch();
		}
		String stream = "report:" + reportId;
		String hash = sha256(stream.getBytes(StandardCharsets.UTF_8));
		try (PreparedStatement head = connection.prepareStatement(
				"insert into audit_stream (stream, last_seq, last_hash) values (?, 1, ?)");
				PreparedStatement entry = connection.prepareStatement("""
						insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
						values (?, 1, now(), 'reporter', 'report.received', '{}', ?, ?)""")) {
			head.setString(1, stream);
			head.setString(2, hash);
			head.executeUpdate();
			entry.setString(1, stream);
			entry.setString(2, "0".repeat(64));
			entry.setString(3, hash);
			entry.executeUpdate();
		}
		try (PreparedStatement outbox = connection.prepareStatement("""
				insert into outbox_message (idempotency_key, kind, report_id, recipient, subject, body, status)
				values (?, 'notify_reporter', ?, 'r@reporters.example', 'Your report', 'Thank you.', 'sent')""")) {
			outbox.setString(1, "ceiling:" + code);
			outbox.setLong(2, reportId);
			outbox.executeUpdate();
		}
	}

	private static long single(PreparedStatement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
