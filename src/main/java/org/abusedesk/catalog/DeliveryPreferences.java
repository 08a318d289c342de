package org.abusedesk.catalog;

import java.util.Collection;
import java.util.Map;

/** The recipients' delivery preferences from the catalog. */
public interface DeliveryPreferences {

	/**
	 * @param recipients email addresses, in any case
	 * @return the preference of each recipient that has one, by its lower-case address;
	 * the others get {@link DeliveryPreference#DEFAULT}
	 */
	Map<String, DeliveryPreference> of(Collection<String> recipients);

}
