package org.abusedesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Plain JDBC to the server's database, for checks and for seeding. */
record Database(String url) {

	long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	double number(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			double value = rs.getDouble(1);
			return rs.wasNull() ? Double.NaN : value;
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** How many of the tracking codes name a stored report. */
	long storedReports(List<String> codes) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				PreparedStatement statement = connection
					.prepareStatement("select count(*) from report where tracking_code = any (?)")) {
			statement.setArray(1, connection.createArrayOf("text", codes.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Median milliseconds of a query, run {@code times} times on one connection. */
	double medianMillis(String sql, int times) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			long[] took = new long[times];
			for (int i = 0; i < times; i++) {
				long start = System.nanoTime();
				try (ResultSet rs = statement.executeQuery(sql)) {
					while (rs.next()) {
						rs.getObject(1);
					}
				}
				took[i] = System.nanoTime() - start;
			}
			java.util.Arrays.sort(took);
			return took[times / 2] / 1e6;
		}
	}

	/** Reports received and not yet through the asynchronous pipeline. */
	long backlog() throws SQLException {
		// reports waiting for the router (ADR 0008), hand-offs still in the registry, and
		// messages not sent yet
		return count("select count(*) from report where status = 'submitted'")
				+ count("select count(*) from event_publication where completion_date is null")
				// each status on its own: each has its partial index
				+ count("select count(*) from outbox_message where status = 'pending'")
				+ count("select count(*) from outbox_message where status = 'sending'");
	}

}
