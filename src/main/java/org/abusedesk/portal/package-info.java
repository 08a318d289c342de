/**
 * The customer portal: the customer's pages and API (their mitigations with exact targets
 * and statements of reasons, the notices we sent them, review requests), shaped like
 * {@code console} for staff. Thin on purpose: it calls
 * {@link org.abusedesk.mitigations.Mitigations},
 * {@link org.abusedesk.appeals.CustomerReviews} and
 * {@link org.abusedesk.notifications.Outbound}.
 */
package org.abusedesk.portal;
