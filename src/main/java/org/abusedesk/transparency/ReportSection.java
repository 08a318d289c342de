package org.abusedesk.transparency;

/**
 * One section of the transparency report. Every bean of this type is a section: a module
 * that owns other numbers (appeals, government requests) adds its own section by
 * declaring a bean, without changing this module.
 */
public interface ReportSection {

	/** Where the section goes: lower first. */
	int order();

	/**
	 * The section's numbers for {@code period}, read in the caller's read-only
	 * transaction.
	 */
	TransparencyReport.Section compute(Period period);

}
