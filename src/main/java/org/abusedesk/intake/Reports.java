package org.abusedesk.intake;

import java.util.List;
import java.util.Optional;

/** Read and advance stored reports. */
public interface Reports {

	Optional<Report> find(long id);

	/**
	 * The reports about one customer account's properties that its owner may know of (the
	 * reporter did not choose {@code none} for the owner), newest first.
	 * @param accountRef the catalog account's ref
	 * @param limit how many at most
	 * @param beforeId only reports with a smaller id (paging); {@link Long#MAX_VALUE} for
	 * the newest
	 */
	List<Report> aboutAccount(String accountRef, int limit, long beforeId);

	/**
	 * Marks a submitted report accepted (a decision was made on it); a report that is no
	 * longer {@code submitted} is left as it is.
	 * @return whether the status changed
	 */
	boolean markAccepted(long id);

	/**
	 * Marks a report denied after review, with the enumerated reason; a report already
	 * denied is left as it is.
	 * @return whether the status changed
	 */
	boolean markDenied(long id, DenialReason reason);

}
