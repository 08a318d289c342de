package org.abusedesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.policy.Priority;
import org.abusedesk.vocabulary.WireValue;

/**
 * The reviewers' queue: open cases, most urgent first (priority, then due time, then id),
 * read page by page with a keyset so that a page costs the same at any depth.
 */
public interface CaseQueue {

	/**
	 * The statuses of cases that still need someone, in the order the console lists them.
	 */
	List<CaseStatus> OPEN = List.of(CaseStatus.NEW, CaseStatus.TRIAGE, CaseStatus.IN_REVIEW,
			CaseStatus.AWAITING_CUSTOMER, CaseStatus.AWAITING_APPROVAL, CaseStatus.APPEALED);

	/** The statuses of cases nobody needs to act on now (browsable, not queued). */
	List<CaseStatus> CLOSED = List.of(CaseStatus.ACTIONED, CaseStatus.FORWARDED, CaseStatus.REJECTED,
			CaseStatus.CLOSED);

	/**
	 * One page of the queue, most urgent first.
	 * @param filter what to show; an empty filter shows every open case
	 * @param after the {@link Page#next()} of the previous page, or {@code null} for the
	 * first
	 * @param limit how many cases at most
	 * @throws CaseWorkException of kind INVALID when {@code after} is not a cursor
	 */
	default Page page(Filter filter, String after, int limit) {
		return page(filter, Sort.URGENT, after, limit);
	}

	/**
	 * One page of the queue in the order asked for.
	 * @param after the {@link Page#next()} of the previous page in the same order, or
	 * {@code null} for the first
	 * @throws CaseWorkException of kind INVALID when {@code after} is not a cursor of
	 * that order
	 */
	Page page(Filter filter, Sort sort, String after, int limit);

	/**
	 * The open cases just before and after this one in the queue's order (most urgent
	 * first), for moving from case to case; both empty when the case is not open.
	 */
	Neighbours neighbours(long caseId);

	/** The orders of the queue. */
	enum Sort implements WireValue {

		/** Priority, then due time (none last), then id. */
		URGENT("urgent"),
		/** The newest case first. */
		NEWEST("newest"),
		/** The oldest case first. */
		OLDEST("oldest");

		private final String wire;

		Sort(String wire) {
			this.wire = wire;
		}

		@Override
		public String wire() {
			return this.wire;
		}

		/** The order whose wire value is exactly {@code value}, if any (ADR 0011). */
		public static java.util.Optional<Sort> fromWire(String value) {
			return java.util.Arrays.stream(values()).filter((sort) -> sort.wire.equals(value)).findFirst();
		}

	}

	/**
	 * @param previous the id of the case before, or {@code null}
	 * @param next the id of the case after, or {@code null}
	 */
	record Neighbours(Long previous, Long next) {

	}

	/** How many cases are in each open status. */
	Map<CaseStatus, Long> counts();

	/**
	 * What the queue shows; {@code null} fields do not filter.
	 *
	 * @param type report type wire value
	 * @param service service wire value
	 * @param status a case status; {@code null} means every open status
	 * @param rule the id of a policy rule that decided one of the case's reports
	 * @param trustedFlagger whether a trusted flagger reported it
	 * @param accountAtRisk whether the account is at risk
	 */
	record Filter(String type, String service, CaseStatus status, String rule, Boolean trustedFlagger,
			Boolean accountAtRisk) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}

	}

	/**
	 * A case in the queue.
	 *
	 * @param claimedBy who holds the case now, or {@code null}
	 * @param overdue whether its due time has passed
	 */
	record Row(long id, CaseStatus status, String property, String accountRef, String reportType, Priority priority,
			Instant dueAt, boolean overdue, List<String> services, List<String> rules, boolean trustedFlagger,
			boolean accountAtRisk, String escalatedTo, String claimedBy, int reportCount) {

	}

	/**
	 * @param rows the cases of this page
	 * @param next the cursor of the next page, or {@code null} on the last
	 */
	record Page(List<Row> rows, String next) {

	}

}
