package org.abusedesk.content;

import java.util.List;

import org.abusedesk.hashes.KnownContentMatch;

/**
 * What one evidence file holds, for the reviewer.
 *
 * @param evidenceId the file
 * @param text its readable text (HTML reduced to text, the text of a PDF), or
 * {@code null} when it has none
 * @param textNote why no text or only part of it was read (a damaged, encrypted or too
 * large PDF), or {@code null}
 * @param personalData the personal data in {@code text}, spans into it
 * @param knownContent the known-content lists the file is on
 */
public record EvidenceFindings(long evidenceId, String text, String textNote, List<PersonalDataFinding> personalData,
		List<KnownContentMatch> knownContent) {

	public EvidenceFindings {
		personalData = List.copyOf(personalData);
		knownContent = List.copyOf(knownContent);
	}

	/** Whether the file is on a known-content list (shown blurred until revealed). */
	public boolean known() {
		return !this.knownContent.isEmpty();
	}

}
