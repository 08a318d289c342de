package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HostTable} against the plain definition: the hostname of that name, else the
 * zone that is the name itself or its longest suffix by labels.
 */
class HostTableTests implements WithQuickTheories {

	private static final List<Account> OWNERS = List.of(
			new Account(1, "owner", "Owner", "o@o.example", false, "active"),
			new Account(2, "other", "Other", "p@p.example", true, "active"),
			new Account(3, "third", "Third", "q@q.example", false, "suspended"));

	private static final List<Set<Service>> SERVICE_SETS = List.of(Set.of(), Set.of(Service.PROXY),
			Set.of(Service.HOSTING, Service.DNS), Set.of(Service.REGISTRAR), Set.of(Service.RESOLVER));

	private static final List<Origin> ORIGINS = Arrays.asList(null,
			new Origin("203.0.113.10", "Origin", "abuse@origin.example"));

	private static final String LABEL_63 = "l".repeat(63);

	/** Few labels, so that generated names often share suffixes. */
	private Gen<String> names(int minLabels, int maxLabels) {
		Gen<String> label = arbitrary()
			.pick(List.of("a", "b", "www", "shop", "xn--bcher-kva", "a-b", "x_y", "0", "9z", LABEL_63));
		return lists().of(label)
			.ofSizeBetween(minLabels, maxLabels)
			.map((labels) -> String.join(".", labels))
			.map(HostTableTests::withinLengthLimit);
	}

	/** Drops leading labels until the name is short enough to be a host name. */
	private static String withinLengthLimit(String name) {
		String shorter = name;
		while (shorter.length() > HostTable.MAX_NAME_LENGTH) {
			shorter = shorter.substring(shorter.indexOf('.') + 1);
		}
		return shorter;
	}

	@Test
	void matchesLikeTheDefinitionOnGeneratedCatalogs() {
		qt().forAll(lists().of(names(1, 4)).ofSizeBetween(0, 12), lists().of(names(1, 4)).ofSizeBetween(0, 12),
				lists().of(names(1, 9)).ofSizeBetween(1, 20))
			.checkAssert((zoneNames, hostnameNames, queries) -> {
				Catalog catalog = new Catalog();
				zoneNames.forEach(catalog::zone);
				hostnameNames.forEach(catalog::hostname);
				HostTable table = catalog.table();
				for (String query : queries) {
					assertThat(matchId(table, query)).as(query).isEqualTo(idOf(catalog.reference(query)));
				}
				for (String name : zoneNames) {
					assertThat(matchId(table, "deeper." + name)).as(name)
						.isEqualTo(idOf(catalog.reference("deeper." + name)));
				}
			});
	}

	@Test
	void matchesLikeTheDefinitionInALargeTable() {
		SplittableRandom random = new SplittableRandom(7);
		Catalog catalog = new Catalog();
		for (int i = 0; i < 20_000; i++) {
			catalog.zone(randomName(random, 2 + random.nextInt(3)));
			catalog.hostname(randomName(random, 2 + random.nextInt(3)));
		}
		HostTable table = catalog.table();
		int hits = 0;
		for (int i = 0; i < 50_000; i++) {
			String query = randomName(random, 2 + random.nextInt(7));
			IndexedProperty expected = catalog.reference(query);
			assertThat(matchId(table, query)).as(query).isEqualTo(idOf(expected));
			hits += (expected != null) ? 1 : 0;
		}
		// the check above is worthless unless both outcomes occur often
		assertThat(hits).isBetween(5_000, 45_000);
	}

	private static String randomName(SplittableRandom random, int labels) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < labels; i++) {
			name.append((i > 0) ? "." : "").append((char) ('a' + random.nextInt(10))).append(random.nextInt(12));
		}
		return name.toString();
	}

	@Test
	void answersWithTheMatchingPropertysValues() {
		qt().forAll(lists().of(names(1, 4)).ofSizeBetween(0, 12), lists().of(names(1, 4)).ofSizeBetween(0, 12),
				lists().of(names(1, 9)).ofSizeBetween(1, 20))
			.checkAssert((zoneNames, hostnameNames, queries) -> {
				Catalog catalog = new Catalog();
				zoneNames.forEach(catalog::zone);
				hostnameNames.forEach(catalog::hostname);
				HostTable table = catalog.table();
				for (String query : queries) {
					IndexedProperty expected = catalog.reference(query);
					int slot = table.match(query);
					assertThat(slot == HostTable.NONE).as(query).isEqualTo(expected == null);
					if (expected != null) {
						Resolution resolution = table.resolution("https://" + query + "/", query, slot);
						assertThat(resolution).as(query)
							.isEqualTo(new Resolution("https://" + query + "/", query, expected.account(),
									expected.id(), expected.value(), expected.kind().wire(), expected.services(),
									expected.origin()));
						assertThat(resolution.account()).isSameAs(expected.account());
						assertThat(resolution.services()).isSameAs(expected.services());
						assertThat(resolution.origin()).isSameAs(expected.origin());
					}
				}
			});
	}

	@Test
	void longNamesKeepTheirOwnCharactersPastTheInlineOnes() {
		SplittableRandom random = new SplittableRandom(11);
		Catalog catalog = new Catalog();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			String name = randomName(random, 8 + random.nextInt(20));
			names.add(name);
			catalog.hostname(name);
		}
		HostTable table = catalog.table();
		for (String name : names) {
			assertThat(matchId(table, name)).as(name).isEqualTo(idOf(catalog.reference(name)));
			assertThat(table.resolution(name, name, table.match(name)).property()).isEqualTo(name);
		}
	}

	@Test
	void hostnameBeatsZoneOfTheSameNameButCoversNoSubdomains() {
		Catalog catalog = new Catalog();
		IndexedProperty zone = catalog.zone("same.example");
		IndexedProperty hostname = catalog.hostname("same.example");
		IndexedProperty onlyHostname = catalog.hostname("www.same.example");
		HostTable table = catalog.table();
		assertThat(matchId(table, "same.example")).isEqualTo(idOf(hostname));
		assertThat(matchId(table, "www.same.example")).isEqualTo(idOf(onlyHostname));
		assertThat(matchId(table, "a.www.same.example")).isEqualTo(idOf(zone));
		assertThat(matchId(table, "example")).isZero();
		assertThat(matchId(table, "other.example")).isZero();
	}

	@Test
	void longestZoneByLabelsWins() {
		Catalog catalog = new Catalog();
		IndexedProperty org = catalog.zone("example.org");
		IndexedProperty sub = catalog.zone("b.example.org");
		HostTable table = catalog.table();
		assertThat(matchId(table, "x.y.z.a.b.example.org")).isEqualTo(idOf(sub));
		assertThat(matchId(table, "b.example.org")).isEqualTo(idOf(sub));
		assertThat(matchId(table, "bb.example.org")).isEqualTo(idOf(org));
		assertThat(matchId(table, "example.org")).isEqualTo(idOf(org));
		assertThat(matchId(table, "notexample.org")).isZero();
		assertThat(matchId(table, "org")).isZero();
	}

	@Test
	void namesAtTheLengthLimitMatchAndLongerQueriesStillFindTheirZone() {
		// 4 labels of 63 and a dot each: 255 characters; the zone is the last 253
		String zoneName = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "z".repeat(61);
		assertThat(zoneName).hasSize(HostTable.MAX_NAME_LENGTH);
		Catalog catalog = new Catalog();
		IndexedProperty zone = catalog.zone(zoneName);
		IndexedProperty hostname = catalog.hostname(zoneName);
		HostTable table = catalog.table();
		assertThat(matchId(table, zoneName)).isEqualTo(idOf(hostname));
		assertThat(matchId(table, "a." + zoneName)).isEqualTo(idOf(zone));
		assertThat(matchId(table, "a.b." + zoneName)).isEqualTo(idOf(zone));
	}

	@Test
	void namesNoTargetCanEqualAreKeptOutOfTheWay() {
		Catalog catalog = new Catalog();
		catalog.zone("Upper.Example");
		catalog.zone("bücher.example");
		catalog.zone("x".repeat(300));
		catalog.hostname("");
		IndexedProperty ok = catalog.zone("example");
		HostTable table = catalog.table();
		assertThat(matchId(table, "upper.example")).isEqualTo(idOf(ok));
		assertThat(matchId(table, "bücher.example")).isEqualTo(idOf(ok));
		assertThat(matchId(table, "example")).isEqualTo(idOf(ok));
		assertThat(matchId(table, "x".repeat(300))).isZero();
	}

	@Test
	void namesThatDifferOnlyBeyondTheInlineCharactersAreToldApart() {
		String start = "x".repeat(HostTable.INLINE);
		Catalog catalog = new Catalog();
		IndexedProperty a = catalog.hostname(start + "a.example");
		IndexedProperty b = catalog.hostname(start + "b.example");
		IndexedProperty zone = catalog.zone("example");
		HostTable table = catalog.table();
		assertThat(matchId(table, start + "a.example")).isEqualTo(idOf(a));
		assertThat(matchId(table, start + "b.example")).isEqualTo(idOf(b));
		assertThat(matchId(table, start + "c.example")).isEqualTo(idOf(zone));
		assertThat(matchId(table, start.substring(1) + "a.example")).isEqualTo(idOf(zone));
	}

	@Test
	void emptyTableMatchesNothing() {
		HostTable table = new HostTable(Map.of(), Map.of());
		assertThat(matchId(table, "example.org")).isZero();
		assertThat(matchId(table, "a")).isZero();
	}

	/** The id of the property the table matches, 0 for none. */
	private static long matchId(HostTable table, String query) {
		int slot = table.match(query);
		return (slot != HostTable.NONE) ? table.id(slot) : 0;
	}

	private static long idOf(IndexedProperty property) {
		return (property != null) ? property.id() : 0;
	}

	/** Zones and hostnames as maps, as the index builder collects them. */
	private static final class Catalog {

		private final Map<String, IndexedProperty> zones = new HashMap<>();

		private final Map<String, IndexedProperty> hostnames = new HashMap<>();

		private long nextId = 1;

		IndexedProperty zone(String name) {
			IndexedProperty property = property(PropertyKind.ZONE, name);
			this.zones.put(name, property);
			return property;
		}

		IndexedProperty hostname(String name) {
			IndexedProperty property = property(PropertyKind.HOSTNAME, name);
			this.hostnames.put(name, property);
			return property;
		}

		/** Owners vary with the id, so that records cannot pass by mixing them up. */
		private IndexedProperty property(PropertyKind kind, String name) {
			long id = this.nextId++;
			return new IndexedProperty(id, kind, name, OWNERS.get((int) (id % OWNERS.size())),
					SERVICE_SETS.get((int) (id % SERVICE_SETS.size())), ORIGINS.get((int) (id % ORIGINS.size())));
		}

		HostTable table() {
			return new HostTable(this.hostnames, this.zones);
		}

		IndexedProperty reference(String host) {
			IndexedProperty hostname = this.hostnames.get(host);
			if (hostname != null) {
				return hostname;
			}
			for (String suffix = host;; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
				IndexedProperty zone = this.zones.get(suffix);
				if (zone != null) {
					return zone;
				}
				if (suffix.indexOf('.') < 0) {
					return null;
				}
			}
		}

	}

}
