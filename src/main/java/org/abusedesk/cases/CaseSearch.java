package org.abusedesk.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.vocabulary.WireValue;

/**
 * Search over all cases, open and closed (docs/console.md, "Search"): by tracking code,
 * URL, host, IP address, account, reporter email (only for roles that see reporters) and
 * the reports' text, each on its own index, filtered and sorted.
 */
public interface CaseSearch {

	/** Longest search text accepted. */
	int MAX_TEXT = 200;

	/** The fewest characters a substring search (URL, host) needs: one trigram. */
	int MIN_SUBSTRING = 3;

	/** The furthest a search pages (offset plus page), so that no page costs a scan. */
	int MAX_DEPTH = 1_000;

	/**
	 * One page of cases matching the query, and whether there are more.
	 * @param viewer whoever searches: a reporter's email matches only for roles that see
	 * reporters
	 * @throws CaseWorkException of kind INVALID when the query cannot be searched (too
	 * long, too short for a substring search, past {@link #MAX_DEPTH})
	 */
	Result search(Query query, Actor viewer, int offset, int limit);

	/** Where the text is looked for. */
	enum Field implements WireValue {

		ANYTHING("any"), TRACKING_CODE("tracking_code"), URL("url"), HOST("host"), ADDRESS("ip"), ACCOUNT("account"),
		REPORTER_EMAIL("reporter_email"), TEXT("text");

		private final String wire;

		Field(String wire) {
			this.wire = wire;
		}

		@Override
		public String wire() {
			return this.wire;
		}

		public static Optional<Field> fromWire(String value) {
			for (Field field : values()) {
				if (field.wire.equals(value)) {
					return Optional.of(field);
				}
			}
			return Optional.empty();
		}

	}

	/** The orders of the results. */
	enum Sort implements WireValue {

		NEWEST("newest"), OLDEST("oldest"), URGENT("urgent"), UPDATED("updated");

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
	 * @param text what to look for, or {@code null} to list cases by the filters alone
	 * @param field where to look
	 * @param statuses the case statuses to look in (e.g. {@link CaseQueue#OPEN} or
	 * {@link CaseQueue#CLOSED}); empty for every status
	 * @param type a report type wire value, or {@code null}
	 * @param service a service wire value, or {@code null}
	 */
	record Query(String text, Field field, Set<CaseStatus> statuses, String type, String service, Sort sort) {

		public Query {
			statuses = (statuses != null) ? Set.copyOf(statuses) : Set.of();
		}

	}

	/**
	 * @param rows the cases of this page, as the queue shows them
	 * @param more whether another page follows
	 */
	record Result(List<CaseQueue.Row> rows, boolean more) {

	}

}
