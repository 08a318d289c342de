package org.abusedesk.intake;

/**
 * A report was stored, whatever its status. Published synchronously inside the storing
 * transaction, so that the receipt to the reporter (DSA Art. 16(4)) commits with the
 * report. Carries the report as stored (listeners need not read it back) and the status
 * secret, which exists in clear only until the receipt is written.
 *
 * @param report the report as stored
 * @param statusSecret the secret that shows the reporter the report's status
 */
public record ReportFiled(Report report, String statusSecret) {

	@Override
	public String toString() {
		return "ReportFiled[reportId=" + this.report.id() + "]";
	}

}
