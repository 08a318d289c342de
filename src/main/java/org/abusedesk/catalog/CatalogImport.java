package org.abusedesk.catalog;

import java.util.List;

import org.abusedesk.problems.FieldError;

/**
 * Idempotent bulk upsert of accounts, their properties, services and origins from the
 * catalog JSON document (see docs/catalog-format.md).
 */
public interface CatalogImport {

	/**
	 * Applies every valid account entry of {@code json}; invalid entries are rejected
	 * with their errors and change nothing. Applying the same document twice leaves the
	 * same state.
	 * @throws org.abusedesk.problems.InvalidInputException when the document itself is
	 * not readable (not JSON, no {@code accounts} list)
	 */
	Result apply(String json);

	record Result(int accountsApplied, int propertiesApplied, List<RejectedEntry> rejected) {
	}

	/** An account entry that was not applied, by its position and ref. */
	record RejectedEntry(int index, String ref, List<FieldError> errors) {
	}

}
