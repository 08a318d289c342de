package org.abusedesk.catalog;

/** The input names no host name or IP address that could be looked up. */
public class InvalidTargetException extends IllegalArgumentException {

	public InvalidTargetException(String message) {
		super(message);
	}

}
