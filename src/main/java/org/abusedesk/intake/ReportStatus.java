package org.abusedesk.intake;

/** The status a reporter sees. */
public enum ReportStatus {

	SUBMITTED("submitted"), ACCEPTED("accepted"), DENIED("denied");

	private final String wire;

	ReportStatus(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

}
