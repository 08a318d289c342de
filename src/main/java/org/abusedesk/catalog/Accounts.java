package org.abusedesk.catalog;

import java.util.Optional;

/** The catalog's accounts, looked up by the operator's ref. */
public interface Accounts {

	/** Whether the catalog has an account with this ref. */
	boolean exists(String ref);

	/** The abuse contact of the account with this ref, when it has one. */
	Optional<String> abuseContact(String ref);

}
