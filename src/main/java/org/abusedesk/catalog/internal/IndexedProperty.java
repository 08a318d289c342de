package org.abusedesk.catalog.internal;

import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

/**
 * One property in the in-memory index. Kept small: the account, the service set and the
 * origin are shared between properties (the index builder interns them).
 */
record IndexedProperty(long id, PropertyKind kind, String value, Account account, Set<Service> services,
		Origin origin) {

}
