/**
 * The staff console (issue #6, docs/console.md): server-rendered pages for the queue and
 * for case work, enhanced by htmx where the browser runs it. Thin on purpose: every step
 * is a call to the cases module's {@link org.abusedesk.cases.CaseWork}, which checks the
 * roles again.
 */
package org.abusedesk.console;
