package org.abusedesk.transparency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts of the rows of an append-only table by some of its columns, kept up to date by
 * reading only the rows added since the last time (by id): the whole table is counted
 * once, at the first refresh. An id below the highest one seen but not yet visible (its
 * transaction had not committed) is looked for again at the next refreshes, for ten
 * minutes, so that a row committed late is counted all the same.
 */
final class IncrementalCounts {

	private static final Duration GAP_PATIENCE = Duration.ofMinutes(10);

	private static final int PAGE = 50_000;

	private final JdbcClient jdbc;

	private final String table;

	private final List<String> columns;

	private final Map<List<String>, Long> counts = new ConcurrentHashMap<>();

	private final Map<Long, Instant> gaps = new HashMap<>();

	private long watermark = -1;

	/**
	 * @param table a table with a {@code bigint id} assigned in increasing order, rows
	 * never deleted
	 * @param columns the columns to count by (trusted names, not input)
	 */
	IncrementalCounts(JdbcClient jdbc, String table, List<String> columns) {
		this.jdbc = jdbc;
		this.table = table;
		this.columns = List.copyOf(columns);
	}

	/** The counts now: each key is the columns' values, in order. */
	Map<List<String>, Long> counts() {
		return this.counts;
	}

	synchronized void refresh() {
		String keys = String.join(", ", this.columns);
		if (this.watermark < 0) {
			long max = this.jdbc.sql("select coalesce(max(id), 0) from " + this.table).query(Long.class).single();
			this.jdbc
				.sql("select " + keys + ", count(*) as n from " + this.table + " where id <= :max group by " + keys)
				.param("max", max)
				.query((rs) -> {
					this.counts.merge(key(rs), rs.getLong("n"), Long::sum);
				});
			this.watermark = max;
			return;
		}
		Instant now = Instant.now();
		this.gaps.values().removeIf((seen) -> seen.isBefore(now.minus(GAP_PATIENCE)));
		List<Long> lookFor = new ArrayList<>(this.gaps.keySet());
		Map<Long, List<String>> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("select id, " + keys + " from " + this.table
					+ " where id > :watermark or id = any(cast(:gaps as bigint[])) order by id limit :page")
			.param("watermark", this.watermark)
			.param("gaps",
					lookFor.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.param("page", PAGE)
			.query((rs) -> {
				rows.put(rs.getLong("id"), key(rs));
			});
		long highest = this.watermark;
		for (Map.Entry<Long, List<String>> row : rows.entrySet()) {
			long id = row.getKey();
			if (id <= this.watermark && this.gaps.remove(id) == null) {
				continue;
			}
			this.counts.merge(row.getValue(), 1L, Long::sum);
			highest = Math.max(highest, id);
		}
		for (long id = this.watermark + 1; id < highest; id++) {
			if (!rows.containsKey(id)) {
				this.gaps.put(id, now);
			}
		}
		this.watermark = highest;
	}

	private List<String> key(ResultSet rs) throws SQLException {
		List<String> key = new ArrayList<>(this.columns.size());
		for (String column : this.columns) {
			String value = rs.getString(column);
			key.add((value != null) ? value : "none");
		}
		return key;
	}

}
