package org.abusedesk.intake.internal;

/** The explicit limits of a report submitted over the API. */
final class ReportLimits {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	static final int MAX_URLS = 250;

	static final int MAX_URL_LENGTH = 2048;

	static final int MAX_JUSTIFICATION = 5000;

	static final int MAX_COMMENTS = 2000;

	static final int MAX_NAME = 255;

	static final int MAX_EMAIL = 254;

	/** The limit of one evidence file or order document, decoded. */
	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	static final int MAX_FILES = 5;

	/** An order document arrives base64-encoded inside the JSON body. */
	static final int MAX_BODY_BYTES_WITH_DOCUMENT = 15 * 1024 * 1024;

	private ReportLimits() {
	}

}
