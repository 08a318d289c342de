package org.abusedesk.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.abusedesk.audit.AuditLog.Entry;
import org.abusedesk.audit.AuditLog.Verification;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks every chain in the order (stream, seq), a page at a time, so that verifying
 * millions of entries needs memory for one page only. The caller provides the
 * transaction; it should be one snapshot.
 * <p>
 * The first problem reported is the first in walk order, not the one with the smallest
 * id. A head row whose stream has no entries at all is looked for after the walk, so it
 * is reported only when every chain with entries is intact.
 */
final class ChainVerifier {

	static final int PAGE_SIZE = 1000;

	private final JdbcClient jdbc;

	private final int pageSize;

	ChainVerifier(JdbcClient jdbc) {
		this(jdbc, PAGE_SIZE);
	}

	ChainVerifier(JdbcClient jdbc, int pageSize) {
		this.jdbc = jdbc;
		this.pageSize = pageSize;
	}

	Verification verify() {
		ChainWalk walk = new ChainWalk();
		List<ChainWalk.Row> page = firstPage();
		while (!page.isEmpty()) {
			for (ChainWalk.Row row : page) {
				if (!walk.accept(row)) {
					return broken(walk);
				}
			}
			page = (page.size() < this.pageSize) ? List.of() : pageAfter(page.get(page.size() - 1).entry());
		}
		walk.finish();
		if (walk.broken() != null) {
			return broken(walk);
		}
		String emptyStream = firstHeadWithoutEntries();
		if (emptyStream != null) {
			return new Verification(false, walk.checked(), 0,
					"head of stream %s names entries but the stream has none".formatted(emptyStream));
		}
		return new Verification(true, walk.checked(), 0, null);
	}

	private static Verification broken(ChainWalk walk) {
		return new Verification(false, walk.checked(), walk.broken().entryId(), walk.broken().problem());
	}

	private List<ChainWalk.Row> firstPage() {
		return this.jdbc.sql(select("true") + " limit ?").param(this.pageSize).query((rs, row) -> row(rs)).list();
	}

	// Keyset paging along the unique (stream, seq) index: every page costs the same,
	// however far into the log it is.
	private List<ChainWalk.Row> pageAfter(Entry last) {
		return this.jdbc.sql(select("(e.stream, e.seq) > (?, ?)") + " limit ?")
			.params(last.stream(), last.seq(), this.pageSize)
			.query((rs, row) -> row(rs))
			.list();
	}

	private static String select(String condition) {
		return "select " + EntryRows.COLUMNS + ", s.last_seq, s.last_hash"
				+ " from audit_entry e left join audit_stream s on s.stream = e.stream where " + condition
				+ " order by e.stream, e.seq";
	}

	private static ChainWalk.Row row(ResultSet rs) throws SQLException {
		String lastHash = rs.getString("last_hash");
		ChainWalk.Head head = (lastHash != null) ? new ChainWalk.Head(rs.getLong("last_seq"), lastHash) : null;
		return new ChainWalk.Row(EntryRows.entry(rs), head);
	}

	private String firstHeadWithoutEntries() {
		return this.jdbc.sql("""
				select s.stream from audit_stream s
				where s.last_seq > 0 and not exists (select 1 from audit_entry e where e.stream = s.stream)
				order by s.stream limit 1""").query(String.class).optional().orElse(null);
	}

}
