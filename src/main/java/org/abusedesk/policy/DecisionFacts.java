package org.abusedesk.policy;

import org.abusedesk.catalog.Service;

/**
 * Everything a decision may depend on, and nothing else: the same facts always give the
 * same plan.
 *
 * @param service the service the provider gives the reported property
 * @param reportType wire value of the report type
 * @param reporterKind wire value of the reporter kind
 * @param accountAtRisk whether the account is flagged {@code at_risk}
 * @param originHostKnown for proxied properties, whether the origin host's abuse contact
 * is known
 */
public record DecisionFacts(Service service, String reportType, String reporterKind, boolean accountAtRisk,
		boolean originHostKnown) {

}
