/**
 * Transparency (issue #14, DOMAIN.md "Transparency"): statements of reasons in the field
 * vocabulary of the EU DSA Transparency Database, derived from the mitigations that take
 * effect and are lifted, their submission in batches and their export; the periodic
 * transparency report, made of {@link org.abusedesk.transparency.ReportSection sections}
 * that other modules may add as beans; and the desk's own Prometheus metrics. It reads
 * the other modules' tables as read models and changes none of them.
 */
package org.abusedesk.transparency;
