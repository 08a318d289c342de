package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;

/**
 * The account, service set and origin of a property as one {@code long}, so that
 * {@link HostTable} keeps them in a record next to the name rather than behind a
 * reference: 32 bits of account number, 24 of origin number (0 for none) and 8 of service
 * set number. Each distinct object (by identity: the index builder interns them) gets a
 * number as it is first encoded. Not thread-safe while encoding; decoding only reads.
 */
final class PropertyOwners {

	private static final int MAX_ORIGINS = 1 << 24;

	private static final int MAX_SERVICE_SETS = 1 << 8;

	private final Map<Account, Integer> accountNumbers = new IdentityHashMap<>();

	private final Map<Set<Service>, Integer> serviceSetNumbers = new IdentityHashMap<>();

	private final Map<Origin, Integer> originNumbers = new IdentityHashMap<>();

	private final List<Account> accountList = new ArrayList<>();

	private final List<Set<Service>> serviceSetList = new ArrayList<>();

	private final List<Origin> originList = new ArrayList<>();

	private Account[] accounts = new Account[0];

	private Set<Service>[] serviceSets = newServiceSets(0);

	private Origin[] origins = new Origin[] { null };

	PropertyOwners() {
		this.originList.add(null);
	}

	/**
	 * @param origin the origin, or null
	 * @throws IllegalArgumentException when there are more distinct origins or service
	 * sets than fit (neither can happen with the few services there are and a heap that
	 * holds the index)
	 */
	long encode(Account account, Set<Service> services, Origin origin) {
		long accountNumber = number(this.accountNumbers, this.accountList, account, Integer.MAX_VALUE);
		long serviceSetNumber = number(this.serviceSetNumbers, this.serviceSetList, services, MAX_SERVICE_SETS);
		long originNumber = (origin != null) ? number(this.originNumbers, this.originList, origin, MAX_ORIGINS) : 0;
		return accountNumber | (originNumber << 32) | (serviceSetNumber << 56);
	}

	private static <T> int number(Map<T, Integer> numbers, List<T> list, T value, int limit) {
		Integer number = numbers.get(value);
		if (number == null) {
			if (list.size() >= limit) {
				throw new IllegalArgumentException(
						"more than " + limit + " distinct " + value.getClass().getSimpleName());
			}
			number = list.size();
			numbers.put(value, number);
			list.add(value);
		}
		return number;
	}

	/** Ends encoding: makes the decoding arrays and drops the maps. */
	PropertyOwners seal() {
		this.accounts = this.accountList.toArray(new Account[0]);
		this.serviceSets = this.serviceSetList.toArray(newServiceSets(0));
		this.origins = this.originList.toArray(new Origin[0]);
		this.accountNumbers.clear();
		this.serviceSetNumbers.clear();
		this.originNumbers.clear();
		this.accountList.clear();
		this.serviceSetList.clear();
		this.originList.clear();
		return this;
	}

	Account account(long owners) {
		return this.accounts[(int) owners];
	}

	Set<Service> services(long owners) {
		return this.serviceSets[(int) (owners >>> 56)];
	}

	Origin origin(long owners) {
		return this.origins[(int) (owners >>> 32) & (MAX_ORIGINS - 1)];
	}

	@SuppressWarnings("unchecked")
	private static Set<Service>[] newServiceSets(int length) {
		return new Set[length];
	}

}
