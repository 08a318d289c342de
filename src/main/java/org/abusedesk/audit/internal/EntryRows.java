package org.abusedesk.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.abusedesk.audit.AuditLog.Entry;

/** Reading {@code audit_entry} rows. */
final class EntryRows {

	static final String COLUMNS = "e.id, e.stream, e.seq, e.occurred_at, e.actor, e.action, e.details, e.prev_hash, e.hash";

	private EntryRows() {
	}

	static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("stream"), rs.getLong("seq"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
