package org.abusedesk.content.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.abusedesk.content.ContentFacts;
import org.abusedesk.content.EvidenceFindings;
import org.abusedesk.content.EvidenceText;
import org.abusedesk.content.PersonalDataDetector;
import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.ReportContent;
import org.abusedesk.hashes.KnownContent;
import org.abusedesk.hashes.KnownContentMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads evidence as intake stored it (the {@code evidence} table) and looks at each file:
 * its text through the detector, its bytes against the known-content lists. Findings are
 * not stored: the same file always gives the same findings, so the console computes them
 * again when it shows them; the known-content matches found when a report is decided are
 * (the {@code evidence_known_match} table), as the basis of a CyberTipline report.
 */
@Service
class ReportContentService implements ReportContent {

	/** Findings of at most this confidence are not facts (they are still shown). */
	static final double FACT_CONFIDENCE = 0.8;

	private final JdbcClient jdbc;

	private final KnownContent known;

	private final PersonalDataDetector detector = PersonalDataDetector.standard();

	ReportContentService(JdbcClient jdbc, KnownContent known) {
		this.jdbc = jdbc;
		this.known = known;
	}

	@Override
	public Map<Long, ContentFacts> factsOf(Collection<Long> reportIds) {
		Map<Long, ContentFacts> facts = new HashMap<>();
		reportIds.forEach((id) -> facts.put(id, ContentFacts.NONE));
		if (reportIds.isEmpty()) {
			return facts;
		}
		Map<Long, TreeSet<String>> kinds = new HashMap<>();
		Map<Long, TreeSet<String>> lists = new HashMap<>();
		List<Object[]> matched = new ArrayList<>();
		this.jdbc
			.sql("select report_id, detected_type, content, id from evidence where report_id in (:ids) order by id")
			.param("ids", reportIds)
			.query((rs) -> {
				long reportId = rs.getLong(1);
				byte[] content = rs.getBytes(3);
				EvidenceFindings findings = look(rs.getLong(4), rs.getString(2), content);
				findings.knownContent()
					.forEach((match) -> matched.add(new Object[] { findings.evidenceId(), reportId, match }));
				findings.personalData()
					.stream()
					.filter((finding) -> finding.confidence() >= FACT_CONFIDENCE)
					.forEach((finding) -> kinds.computeIfAbsent(reportId, (k) -> new TreeSet<>())
						.add(finding.kind().wire()));
				findings.knownContent()
					.forEach((match) -> lists.computeIfAbsent(reportId, (k) -> new TreeSet<>()).add(match.list()));
			});
		matched.forEach((row) -> record((long) row[0], (long) row[1], (KnownContentMatch) row[2]));
		for (Long id : reportIds) {
			if (kinds.containsKey(id) || lists.containsKey(id)) {
				facts.put(id, new ContentFacts(new ArrayList<>(kinds.getOrDefault(id, new TreeSet<>())),
						new ArrayList<>(lists.getOrDefault(id, new TreeSet<>()))));
			}
		}
		return facts;
	}

	@Override
	public Optional<EvidenceFindings> evidence(long evidenceId) {
		return this.jdbc.sql("select detected_type, content from evidence where id = :id")
			.param("id", evidenceId)
			.query((rs, n) -> look(evidenceId, rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	@Override
	public List<CsamMatch> csamMatches(Collection<Long> reportIds) {
		if (reportIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select m.report_id, m.evidence_id, e.sha256, m.list, m.source, m.algorithm, m.hash, m.distance
				from evidence_known_match m join evidence e on e.id = m.evidence_id
				where m.csam and m.report_id in (:ids) order by m.evidence_id, m.list""")
			.param("ids", reportIds)
			.query((rs, n) -> new CsamMatch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
			.list();
	}

	private void record(long evidenceId, long reportId, KnownContentMatch match) {
		this.jdbc.sql("""
				insert into evidence_known_match (evidence_id, report_id, list, source, csam, algorithm, hash, distance)
				values (:evidence, :report, :list, :source, :csam, :algorithm, :hash, :distance)
				on conflict do nothing""")
			.param("evidence", evidenceId)
			.param("report", reportId)
			.param("list", match.list())
			.param("source", match.source())
			.param("csam", match.csam())
			.param("algorithm", match.algorithm().wire())
			.param("hash", match.hash())
			.param("distance", match.distance())
			.update();
	}

	private EvidenceFindings look(long evidenceId, String detectedType, byte[] content) {
		EvidenceText.Reading reading = EvidenceText.read(content, detectedType);
		String text = reading.text();
		List<PersonalDataFinding> personal = (text != null) ? this.detector.detect(text) : List.of();
		List<KnownContentMatch> matches = this.known.match(content);
		return new EvidenceFindings(evidenceId, text, reading.note(), personal, matches);
	}

}
