package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the original a new report repeats (same fingerprint within the duplicate window,
 * not denied), holding a lock per fingerprint so that two identical reports at once
 * cannot both be originals.
 */
@Repository
class DuplicateCheck {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	DuplicateCheck(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The original of a duplicate: same fingerprint within the window, not denied. */
	Optional<Original> findOriginal(String fingerprint, Duration window) {
		// serialises identical submissions so that two at once cannot both be originals
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:fingerprint, 0))")
			.param("fingerprint", fingerprint)
			.query((rs, n) -> 1)
			.list();
		return this.jdbc.sql("""
				select id, tracking_code from report
				where fingerprint = :fingerprint and status <> 'denied'
				  and received_at > now() - make_interval(secs => :window)
				order by id limit 1""")
			.param("fingerprint", fingerprint)
			.param("window", window.toSeconds())
			.query((rs, n) -> new Original(rs.getLong("id"), rs.getString("tracking_code")))
			.optional();
	}

	record Original(long id, String trackingCode) {
	}

	/**
	 * {@link #findOriginal} for many fingerprints at once, in two statements however many
	 * there are. The locks are taken in the order of their keys, so that two callers with
	 * overlapping fingerprints wait for each other instead of deadlocking; the originals
	 * are read by a second statement, whose snapshot sees what the earlier holders of
	 * those locks committed, with {@link #findOriginal}'s query for each fingerprint (a
	 * lateral join: one probe of the fingerprint index each, whatever the planner thinks
	 * of the list; an {@code in} list let it scan every report of the window).
	 * @return the original of each fingerprint that has one
	 */
	Map<String, Original> lockAndFindOriginals(Collection<String> fingerprints, Duration window) {
		if (fingerprints.isEmpty()) {
			return Map.of();
		}
		String list = this.json.writeValueAsString(fingerprints);
		// the locks are taken as the sorted keys come out of the subquery (PostgreSQL
		// also evaluates a volatile function of a sorted query's target list after the
		// sort)
		this.jdbc.sql("""
				select pg_advisory_xact_lock(k)
				from (select distinct hashtextextended(f, 0) as k
				      from jsonb_array_elements_text(cast(:fingerprints as jsonb)) as f) keys
				order by k""").param("fingerprints", list).query((rs, n) -> 1).list();
		Map<String, Original> originals = new HashMap<>();
		this.jdbc.sql("""
				select f.fingerprint, o.id, o.tracking_code
				from jsonb_array_elements_text(cast(:fingerprints as jsonb)) as f(fingerprint)
				cross join lateral (
				    select id, tracking_code from report
				    where fingerprint = f.fingerprint
				      and status <> 'denied' and received_at > now() - make_interval(secs => :window)
				    order by id limit 1) o""")
			.param("fingerprints", list)
			.param("window", window.toSeconds())
			.query((rs, n) -> originals.put(rs.getString("fingerprint"),
					new Original(rs.getLong("id"), rs.getString("tracking_code"))))
			.list();
		return originals;
	}

}
