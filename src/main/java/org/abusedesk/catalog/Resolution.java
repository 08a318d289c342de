package org.abusedesk.catalog;

import java.util.Set;

/**
 * The answer to "whose is this URL / IP, and which services does it use?".
 *
 * @param query what was asked, as given
 * @param target the normalised host name or IP address that was looked up
 * @param account the customer, or {@code null} when not ours
 * @param propertyId the matching property, or 0 when not ours
 * @param property the matching property's value (zone, hostname or prefix)
 * @param propertyKind {@code zone}, {@code hostname} or {@code ip_prefix}
 * @param services the services used by the property (empty when not ours)
 * @param origin for proxied properties, the origin; otherwise {@code null}
 */
public record Resolution(String query, String target, Account account, long propertyId, String property,
		String propertyKind, Set<Service> services, Origin origin) {

	public static Resolution notOurs(String query, String target) {
		return new Resolution(query, target, null, 0, null, null, Set.of(), null);
	}

	/** Whether the target belongs to one of our customers. */
	public boolean ours() {
		return this.account != null;
	}

}
