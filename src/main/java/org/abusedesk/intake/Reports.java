package org.abusedesk.intake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read and advance stored reports. */
public interface Reports {

	Optional<Report> find(long id);

	/**
	 * The report with this tracking code, when {@code secret} is its status secret (the
	 * reporter's proof on the status page); empty for a wrong secret and an unknown code
	 * alike.
	 */
	Optional<Report> withStatusSecret(String trackingCode, String secret);

	/** The reports that exist of {@code ids}, in order of id, in four statements. */
	List<Report> findAll(Collection<Long> ids);

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
	 * Claims up to {@code limit} submitted reports, oldest first, that no other
	 * transaction holds and that are not held for their type ({@link ReportTriage}): they
	 * stay locked until the caller's transaction ends, and other claimers skip them
	 * ({@code for update skip locked}). Must be called in a transaction.
	 * @param except reports not to claim
	 * @return the ids of the reports claimed, oldest first (read them with
	 * {@link #findAll})
	 */
	List<Long> claimSubmitted(int limit, Collection<Long> except);

	/**
	 * Claims one report, as {@link #claimSubmitted} would: empty when it is no longer
	 * submitted or another transaction holds it. Must be called in a transaction.
	 */
	Optional<Report> claim(long id);

	/**
	 * How many reports wait to be decided (are {@code submitted}, not held for their
	 * type), counted up to {@code atMost}.
	 */
	int countSubmitted(int atMost);

	/**
	 * Marks submitted reports accepted in one statement; those no longer submitted are
	 * left as they are.
	 * @return how many changed
	 */
	int markAllAccepted(Collection<Long> ids);

	/**
	 * Marks reports denied after review, with the enumerated reason, in one statement; a
	 * report already denied is left as it is.
	 * @return the ids whose status changed, in ascending order
	 */
	List<Long> markAllDenied(Collection<Long> ids, DenialReason reason);

}
