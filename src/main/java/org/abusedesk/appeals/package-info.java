/**
 * Redress (DOMAIN.md, "Redress"): appeals against decisions, by the customer against a
 * mitigation and by the reporter against a denial, decided by a person who took no part
 * in the decision; DMCA counter-notices and the restoration they lead to; strikes against
 * customers with confirmed violations and reporters of manifestly unfounded notices. It
 * works through the API of {@code cases}, {@code mitigations}, {@code notifications} and
 * {@code intake}, and answers two questions they ask: who is a repeat infringer
 * ({@link org.abusedesk.cases.RepeatInfringers}) and whose notices are suspended
 * ({@link org.abusedesk.intake.ReporterSuspensions}).
 */
package org.abusedesk.appeals;
