package org.abusedesk.catalog.internal;

import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

/**
 * One property in the in-memory index. Kept small: the account, the service set and the
 * origin are shared between properties (the index builder interns them). The
 * {@link HostTable} keeps zones and hostnames as records instead, so for them this only
 * carries the values while the index is built.
 */
final class IndexedProperty {

	private final long id;

	private final PropertyKind kind;

	private final String value;

	private final Account account;

	private final Set<Service> services;

	private final Origin origin;

	IndexedProperty(long id, PropertyKind kind, String value, Account account, Set<Service> services, Origin origin) {
		this.id = id;
		this.kind = kind;
		this.value = value;
		this.account = account;
		this.services = services;
		this.origin = origin;
	}

	final long id() {
		return this.id;
	}

	final PropertyKind kind() {
		return this.kind;
	}

	final String value() {
		return this.value;
	}

	final Account account() {
		return this.account;
	}

	final Set<Service> services() {
		return this.services;
	}

	final Origin origin() {
		return this.origin;
	}

	@Override
	public String toString() {
		return this.kind.wire() + " " + this.value + " (" + this.id + ")";
	}

}
