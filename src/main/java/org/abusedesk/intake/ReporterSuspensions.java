package org.abusedesk.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * Reporters whose notices are suspended for a time because too many of them were
 * manifestly unfounded (DSA Art. 23): implemented by the module that keeps the strikes
 * ({@code appeals}), asked by intake before a notice is stored. A suspended reporter's
 * notice is refused with a message that says why and until when; the raw body is kept,
 * marked with the same words.
 */
public interface ReporterSuspensions {

	/**
	 * The suspension in force now for this reporter and this type of notice, or empty.
	 * Never for a {@code children} report.
	 * @param reporterEmail the reporter's email, or {@code null} (then empty)
	 * @param reportType the report type's wire value
	 */
	Optional<Suspension> of(String reporterEmail, String reportType);

	/**
	 * @param until when notices are taken again
	 * @param reason why, for the reporter
	 */
	record Suspension(Instant until, String reason) {

		/** The words for the reporter: why, and until when. */
		public String message() {
			return "Notices from you are suspended until " + this.until + ": " + this.reason
					+ " Reports of child sexual abuse material are still accepted.";
		}

	}

}
