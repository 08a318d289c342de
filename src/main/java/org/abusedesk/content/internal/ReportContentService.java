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
 * its text through the detector, its bytes against the known-content lists. Nothing is
 * stored: the same file always gives the same findings, so the console computes them
 * again when it shows them.
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
		this.jdbc.sql("select report_id, detected_type, content from evidence where report_id in (:ids) order by id")
			.param("ids", reportIds)
			.query((rs) -> {
				long reportId = rs.getLong(1);
				byte[] content = rs.getBytes(3);
				EvidenceFindings findings = look(0, rs.getString(2), content);
				findings.personalData()
					.stream()
					.filter((finding) -> finding.confidence() >= FACT_CONFIDENCE)
					.forEach((finding) -> kinds.computeIfAbsent(reportId, (k) -> new TreeSet<>())
						.add(finding.kind().wire()));
				findings.knownContent()
					.forEach((match) -> lists.computeIfAbsent(reportId, (k) -> new TreeSet<>()).add(match.list()));
			});
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

	private EvidenceFindings look(long evidenceId, String detectedType, byte[] content) {
		String text = EvidenceText.of(content, detectedType).orElse(null);
		List<PersonalDataFinding> personal = (text != null) ? this.detector.detect(text) : List.of();
		List<KnownContentMatch> matches = this.known.match(content);
		return new EvidenceFindings(evidenceId, text, personal, matches);
	}

}
