package org.abusedesk.problems;

/** Credentials were given but are not valid; answered with status 401. */
public class UnauthorizedException extends RuntimeException {

	public UnauthorizedException(String message) {
		super(message);
	}

}
