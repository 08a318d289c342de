package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Service;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link PropertyOwners} gives back the very objects it encoded. */
class PropertyOwnersTests implements WithQuickTheories {

	private static final List<Account> ACCOUNTS = List.of(account(1), account(2), account(3), account(1 << 20));

	private static final List<Set<Service>> SERVICE_SETS = List.of(Set.of(), EnumSet.of(Service.PROXY),
			EnumSet.of(Service.HOSTING, Service.DNS), EnumSet.allOf(Service.class));

	private static final List<Origin> ORIGINS = List.of(new Origin("203.0.113.1", "A", "abuse@a.example"),
			new Origin("203.0.113.2", "B", "abuse@b.example"));

	private static Account account(long id) {
		return new Account(id, "ref-" + id, "Name " + id, "abuse@" + id + ".example", false, AccountStatus.ACTIVE);
	}

	@Test
	void decodesWhatItEncoded() {
		// each triple: account, service set, origin (-1 for none)
		qt().forAll(lists().of(lists().of(integers().between(-1, 3)).ofSize(3)).ofSizeBetween(1, 30))
			.checkAssert((triples) -> {
				PropertyOwners owners = new PropertyOwners();
				List<Long> codes = new ArrayList<>();
				for (List<Integer> triple : triples) {
					codes.add(owners.encode(ACCOUNTS.get(Math.max(0, triple.get(0))),
							SERVICE_SETS.get(Math.max(0, triple.get(1))), origin(triple.get(2))));
				}
				owners.seal();
				for (int i = 0; i < triples.size(); i++) {
					List<Integer> triple = triples.get(i);
					long code = codes.get(i);
					assertThat(owners.account(code)).isSameAs(ACCOUNTS.get(Math.max(0, triple.get(0))));
					assertThat(owners.services(code)).isSameAs(SERVICE_SETS.get(Math.max(0, triple.get(1))));
					assertThat(owners.origin(code)).isSameAs(origin(triple.get(2)));
				}
			});
	}

	private static Origin origin(int index) {
		return (index < 0 || index >= ORIGINS.size()) ? null : ORIGINS.get(index);
	}

	@Test
	void refusesMoreServiceSetsThanFit() {
		PropertyOwners owners = new PropertyOwners();
		for (int i = 0; i < 256; i++) {
			owners.encode(ACCOUNTS.get(0), new HashSet<>(), null);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> owners.encode(ACCOUNTS.get(0), new HashSet<>(), null));
	}

}
