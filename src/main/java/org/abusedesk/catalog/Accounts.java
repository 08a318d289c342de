package org.abusedesk.catalog;

/** The catalog's accounts, looked up by the operator's ref. */
public interface Accounts {

	/** Whether the catalog has an account with this ref. */
	boolean exists(String ref);

}
