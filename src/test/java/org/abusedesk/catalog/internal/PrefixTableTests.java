package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PrefixTable} against the plain definition: of the prefixes containing the
 * address, the longest; of equal prefixes, the one added last.
 */
class PrefixTableTests implements WithQuickTheories {

	private static final Account OWNER = new Account(1, "owner", "Owner", "o@o.example", false, AccountStatus.ACTIVE);

	@Test
	void ipv4MatchesLikeTheDefinition() {
		qt().forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, count) -> {
			SplittableRandom random = new SplittableRandom(seed);
			// few networks, so that prefixes nest and queries often fall inside them
			long[] networks = new long[1 + random.nextInt(8)];
			for (int i = 0; i < networks.length; i++) {
				networks[i] = random.nextLong(1L << 32);
			}
			Table table = new Table(true);
			for (int i = 0; i < count; i++) {
				int length = random.nextInt(33);
				table.add(new Prefix(Target.IPV4, 0, networks[random.nextInt(networks.length)] & Prefix.mask32(length),
						length));
			}
			PrefixTable built = table.build();
			for (int i = 0; i < 200; i++) {
				long address = networks[random.nextInt(networks.length)]
						^ (random.nextLong(1L << 32) >>> random.nextInt(33));
				assertThat(built.longestMatch(0, address)).as(IpAddresses.formatIpv4(address))
					.isSameAs(table.reference(0, address));
			}
		});
	}

	@Test
	void ipv6MatchesLikeTheDefinition() {
		qt().forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, count) -> {
			SplittableRandom random = new SplittableRandom(seed);
			long[][] networks = new long[1 + random.nextInt(8)][];
			for (int i = 0; i < networks.length; i++) {
				networks[i] = new long[] { random.nextLong(), random.nextLong() };
			}
			Table table = new Table(false);
			for (int i = 0; i < count; i++) {
				int length = random.nextInt(129);
				long[] network = networks[random.nextInt(networks.length)];
				table.add(new Prefix(Target.IPV6, network[0] & Prefix.maskHi(length),
						network[1] & Prefix.maskLo(length), length));
			}
			PrefixTable built = table.build();
			for (int i = 0; i < 200; i++) {
				long[] network = networks[random.nextInt(networks.length)];
				int keep = random.nextInt(129);
				long hi = network[0] ^ (random.nextLong() & ~Prefix.maskHi(keep));
				long lo = network[1] ^ (random.nextLong() & ~Prefix.maskLo(keep));
				assertThat(built.longestMatch(hi, lo)).as(IpAddresses.formatIpv6(hi, lo))
					.isSameAs(table.reference(hi, lo));
			}
		});
	}

	@Test
	void theLastOfEqualPrefixesWins() {
		Table table = new Table(true);
		table.add(Prefix.parse("198.51.100.0/24"));
		IndexedProperty last = table.add(Prefix.parse("198.51.100.0/24"));
		assertThat(table.build().longestMatch(0, IpAddresses.parseDottedQuad("198.51.100.9"))).isSameAs(last);
	}

	@Test
	void zeroLengthPrefixesCoverEverythingAndEmptyTablesNothing() {
		Table v4 = new Table(true);
		IndexedProperty all4 = v4.add(Prefix.parse("0.0.0.0/0"));
		IndexedProperty host = v4.add(Prefix.parse("0.0.0.0/32"));
		Table v6 = new Table(false);
		IndexedProperty all6 = v6.add(Prefix.parse("::/0"));
		assertThat(v4.build().longestMatch(0, 0)).isSameAs(host);
		assertThat(v4.build().longestMatch(0, 0xFFFFFFFFL)).isSameAs(all4);
		assertThat(v6.build().longestMatch(-1, -1)).isSameAs(all6);
		assertThat(v6.build().longestMatch(0, 0)).isSameAs(all6);
		assertThat(new Table(true).build().longestMatch(0, 0)).isNull();
		assertThat(new Table(false).build().longestMatch(0, 0)).isNull();
	}

	private static final class Table {

		private final boolean ipv4;

		private final List<Prefix> prefixes = new ArrayList<>();

		private final List<IndexedProperty> properties = new ArrayList<>();

		Table(boolean ipv4) {
			this.ipv4 = ipv4;
		}

		IndexedProperty add(Prefix prefix) {
			IndexedProperty property = new IndexedProperty(this.prefixes.size() + 1, PropertyKind.IP_PREFIX,
					prefix.text(), OWNER, Set.of(), null);
			this.prefixes.add(prefix);
			this.properties.add(property);
			return property;
		}

		PrefixTable build() {
			return new PrefixTable(this.ipv4, this.prefixes, this.properties);
		}

		IndexedProperty reference(long hi, long lo) {
			IndexedProperty best = null;
			int bestLength = -1;
			for (int i = 0; i < this.prefixes.size(); i++) {
				Prefix prefix = this.prefixes.get(i);
				int length = prefix.length();
				boolean contains = this.ipv4 ? (lo & Prefix.mask32(length)) == prefix.lo()
						: (hi & Prefix.maskHi(length)) == prefix.hi() && (lo & Prefix.maskLo(length)) == prefix.lo();
				if (contains && length >= bestLength) {
					best = this.properties.get(i);
					bestLength = length;
				}
			}
			return best;
		}

	}

}
