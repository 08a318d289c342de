package org.abusedesk.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

/**
 * A valid account entry of a catalog document, normalised and ready to store.
 *
 * @param index the entry's position in the document
 * @param deliveries the delivery preferences it names, by recipient address (its abuse
 * contact's, its origin hosts')
 */
record AccountDraft(int index, String ref, String name, String abuseContact, String escalationContact, boolean atRisk,
		AccountStatus status, List<PropertyDraft> properties, Map<String, DeliveryPreference> deliveries) {

	AccountDraft(int index, String ref, String name, String abuseContact, String escalationContact, boolean atRisk,
			AccountStatus status, List<PropertyDraft> properties) {
		this(index, ref, name, abuseContact, escalationContact, atRisk, status, properties, Map.of());
	}

	/**
	 * @param position the property's position in its account entry (for error paths)
	 * @param field the document field that named it: {@code zone}, {@code hostname} or
	 * {@code prefix}
	 */
	record PropertyDraft(int position, String field, PropertyKind kind, String value, Set<Service> services,
			Origin origin) {

		PropertyKey key() {
			return new PropertyKey(this.kind, this.value);
		}

	}

	/** What the database keeps unique. */
	record PropertyKey(PropertyKind kind, String value) {

	}

}
