package org.abusedesk.intake;

import java.util.Optional;

/** Read and advance stored reports. */
public interface Reports {

	Optional<Report> find(long id);

	/**
	 * Marks a submitted report accepted (a decision was made on it); a report that is no
	 * longer {@code submitted} is left as it is.
	 * @return whether the status changed
	 */
	boolean markAccepted(long id);

}
