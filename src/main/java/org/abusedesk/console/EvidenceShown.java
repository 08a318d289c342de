package org.abusedesk.console;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.content.EvidenceFindings;
import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.hashes.KnownContentMatch;

/**
 * How the case page shows one evidence file: its text cut into plain pieces and
 * highlighted findings, and the known-content lists it is on.
 *
 * @param pieces the text in order; a piece with a kind is a finding
 * @param knownLists the lists the file matched, as "name (source, algorithm, distance)"
 * @param textNote why no text or only part of it was read, or {@code null}
 */
public record EvidenceShown(List<Piece> pieces, List<String> knownLists, String textNote) {

	/** Text shown at most per file on the case page. */
	static final int MAX_TEXT = 20_000;

	/** A run of text; {@code kind} and {@code why} are set when it is a finding. */
	public record Piece(String text, String kind, String why) {

		public boolean finding() {
			return this.kind != null;
		}

	}

	public boolean known() {
		return !this.knownLists.isEmpty();
	}

	public boolean hasText() {
		return !this.pieces.isEmpty();
	}

	static EvidenceShown of(EvidenceFindings findings) {
		List<Piece> pieces = new ArrayList<>();
		String text = findings.text();
		if (text != null) {
			int shown = Math.min(text.length(), MAX_TEXT);
			int at = 0;
			for (PersonalDataFinding finding : findings.personalData()) {
				if (finding.end() > shown) {
					break;
				}
				if (finding.start() > at) {
					pieces.add(new Piece(text.substring(at, finding.start()), null, null));
				}
				pieces.add(new Piece(text.substring(finding.start(), finding.end()), finding.kind().wire(),
						finding.why() + String.format(" (confidence %.2f)", finding.confidence())));
				at = finding.end();
			}
			if (at < shown) {
				pieces.add(new Piece(text.substring(at, shown), null, null));
			}
		}
		List<String> lists = findings.knownContent().stream().map(EvidenceShown::describe).distinct().toList();
		return new EvidenceShown(pieces, lists, findings.textNote());
	}

	private static String describe(KnownContentMatch match) {
		return match.list() + " (" + match.source() + ", " + match.algorithm().wire()
				+ ((match.distance() > 0) ? ", distance " + match.distance() : "") + ")";
	}

}
