package org.abusedesk.content;

import java.util.Collection;
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

}
