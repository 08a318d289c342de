package org.abusedesk.content;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at what reporters sent: each evidence file's text for personal data, each file
 * against the known-content lists. Decides nothing.
 */
public interface ReportContent {

	/**
	 * The content facts of each report, by report id; a report without evidence has
	 * {@link ContentFacts#NONE}.
	 */
	Map<Long, ContentFacts> factsOf(Collection<Long> reportIds);

	/** What one evidence file holds; empty when there is no such file. */
	Optional<EvidenceFindings> evidence(long evidenceId);

	/**
	 * The files of these reports that matched a list of child sexual abuse material when
	 * they arrived ({@link #factsOf} records every match), oldest first.
	 */
	List<CsamMatch> csamMatches(Collection<Long> reportIds);

	/**
	 * A file that is on a CSAM list.
	 *
	 * @param reportId the report it came with
	 * @param evidenceId the file
	 * @param sha256 the file's SHA-256
	 * @param list the list's name
	 * @param source the list's source
	 * @param algorithm how the listed hash was computed ({@code md5}, {@code sha256},
	 * {@code pdq})
	 * @param hash the listed hash that matched
	 * @param distance the Hamming distance for PDQ; 0 for exact matches
	 */
	record CsamMatch(long reportId, long evidenceId, String sha256, String list, String source, String algorithm,
			String hash, int distance) {
	}

}
