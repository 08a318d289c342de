package org.abusedesk.problems;

/** The request body is over the endpoint's limit; answered with status 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limitBytes) {
		super("The request body is larger than the limit of " + limitBytes + " bytes.");
	}

}
