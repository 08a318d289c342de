package org.abusedesk.mailbox.internal;

/**
 * What the parser reads at most from one message. Beyond a limit it stops reading that
 * part and notes a problem; it never fails because of one.
 *
 * @param maxMessageBytes larger messages are stored but not parsed
 * @param maxMimeDepth nesting of multiparts and attached messages
 * @param maxParts MIME parts and zip entries read in total
 * @param maxZipEntries entries read from all zip attachments together
 * @param maxZipExpandedBytes bytes expanded from all zip attachments together (zip bombs)
 * @param maxZipDepth zips within zips
 * @param maxTargets URLs, host names and addresses taken from one message
 * @param maxExtractionReads characters the search for URLs, host names and addresses may
 * read in one message's text, the budget of its time: the search is linear, reading each
 * character some 20 times, so the default covers about 10 MB of text
 */
public record MailLimits(int maxMessageBytes, int maxMimeDepth, int maxParts, int maxZipEntries,
		long maxZipExpandedBytes, int maxZipDepth, int maxTargets, long maxExtractionReads) {

	public static final long DEFAULT_EXTRACTION_READS = 200_000_000L;

	public static final MailLimits DEFAULTS = new MailLimits(25 * 1024 * 1024, 12, 200, 100, 20L * 1024 * 1024, 2, 1000,
			DEFAULT_EXTRACTION_READS);

	/** The limits with the default extraction budget. */
	public MailLimits(int maxMessageBytes, int maxMimeDepth, int maxParts, int maxZipEntries, long maxZipExpandedBytes,
			int maxZipDepth, int maxTargets) {
		this(maxMessageBytes, maxMimeDepth, maxParts, maxZipEntries, maxZipExpandedBytes, maxZipDepth, maxTargets,
				DEFAULT_EXTRACTION_READS);
	}

}
