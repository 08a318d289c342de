/**
 * Mitigations (DOMAIN.md): what the provider does to a customer's property and why: the
 * lifecycle ({@code pending}, {@code active}, {@code cancelled}, {@code removed}) with
 * its grace period, expiry and review dates, the exact targets ({@code entity_type} and
 * {@code target}), the statement of reasons, the edge feed and the signed webhooks that
 * carry every change to the edge, the phishing interstitial, staff lifts, and the
 * customer's notice of each change. Its API is
 * {@link org.abusedesk.mitigations.Mitigations}; it writes messages only through
 * {@link org.abusedesk.notifications.Outbound}.
 */
package org.abusedesk.mitigations;
