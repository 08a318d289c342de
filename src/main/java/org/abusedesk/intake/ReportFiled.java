package org.abusedesk.intake;

/**
 * A report was stored, whatever its status. Published synchronously inside the storing
 * transaction, so that the receipt to the reporter (DSA Art. 16(4)) commits with the
 * report. Carries the report as stored (listeners need not read it back) and the status
 * secret, which exists in clear only until the receipt is written.
 *
 * @param report the report as stored
 * @param statusSecret the secret that shows the reporter the report's status
 * @param channel how the report came: {@code api}, {@link #BATCH api-batch}, {@code web},
 * or the channel a {@link ReportFiling} caller named ({@code email}, ...)
 */
public record ReportFiled(Report report, String statusSecret, String channel) {

	/**
	 * The channel of reports that came in a batch ({@code POST /api/v1/reports:batch}):
	 * the caller, a reporter token's holder, got every tracking code, status secret and
	 * arrival decision in the response to the call (docs/adr/0006).
	 */
	public static final String BATCH = "api-batch";

	/**
	 * The channel of reports filed from the abuse mailbox: the sender gets one receipt
	 * per message ({@link MailReportsFiled}), not one per report.
	 */
	public static final String MAIL = "mail";

	/** Whether the report came from the abuse mailbox ({@link #MAIL}). */
	public boolean fromMail() {
		return MAIL.equals(this.channel);
	}

	/** Whether the report came in a batch ({@link #BATCH}). */
	public boolean inBatch() {
		return BATCH.equals(this.channel);
	}

	@Override
	public String toString() {
		return "ReportFiled[reportId=" + this.report.id() + ", channel=" + this.channel + "]";
	}

}
