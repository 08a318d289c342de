package org.abusedesk.referrals.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evidence files reporters gave with a case's reports, as the CyberTipline report
 * lists and uploads them.
 */
@Repository
class CaseEvidence {

	/**
	 * A file; {@code md5} is known only to {@link #find}, {@code sourceUrl} only for a
	 * snapshot (the hosted URL it was read for).
	 */
	record File(long id, long reportId, String filename, String detectedType, int size, String sha256, String md5,
			String sourceUrl) {
	}

	private final JdbcClient jdbc;

	CaseEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<File> ofReports(Collection<Long> reportIds) {
		if (reportIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, report_id, filename, detected_type, size, sha256 from evidence
				where report_id = any(:reports) order by id""")
			.param("reports", reportIds.toArray(Long[]::new))
			.query((rs, n) -> new File(rs.getLong("id"), rs.getLong("report_id"), rs.getString("filename"),
					rs.getString("detected_type"), rs.getInt("size"), rs.getString("sha256"), null, null))
			.list();
	}

	Optional<File> find(long evidenceId) {
		return this.jdbc.sql("""
				select id, report_id, filename, detected_type, size, sha256, md5(content) as md5,
				    case when source = 'snapshot' then source_url end as source_url
				from evidence where id = :id""")
			.param("id", evidenceId)
			.query((rs, n) -> new File(rs.getLong("id"), rs.getLong("report_id"), rs.getString("filename"),
					rs.getString("detected_type"), rs.getInt("size"), rs.getString("sha256"), rs.getString("md5"),
					rs.getString("source_url")))
			.optional();
	}

	byte[] content(long evidenceId) {
		return this.jdbc.sql("select content from evidence where id = :id")
			.param("id", evidenceId)
			.query(byte[].class)
			.single();
	}

}
