package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
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
			new Account(1, "owner", "Owner", "o@o.example", false, AccountStatus.ACTIVE),
			new Account(2, "other", "Other", "p@p.example", true, AccountStatus.ACTIVE),
			new Account(3, "third", "Third", "q@q.example", false, AccountStatus.SUSPENDED));

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

	/** A check of a table built from a generated catalog, with generated queries. */
	@FunctionalInterface
	private interface TableCheck {

		void check(Catalog catalog, HostTable table, List<String> zoneNames, List<String> queries);

	}

	/** Runs the check on generated catalogs of zones and hostnames, and their tables. */
	private void forGeneratedCatalogs(TableCheck check) {
		qt().forAll(lists().of(names(1, 4)).ofSizeBetween(0, 12), lists().of(names(1, 4)).ofSizeBetween(0, 12),
				lists().of(names(1, 9)).ofSizeBetween(1, 20))
			.checkAssert((zoneNames, hostnameNames, queries) -> {
				Catalog catalog = new Catalog();
				zoneNames.forEach(catalog::zone);
				hostnameNames.forEach(catalog::hostname);
				check.check(catalog, catalog.table(), zoneNames, queries);
			});
	}

	@Test
	void matchesLikeTheDefinitionOnGeneratedCatalogs() {
		forGeneratedCatalogs((catalog, table, zoneNames, queries) -> {
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
		forGeneratedCatalogs((catalog, table, zoneNames, queries) -> {
			for (String query : queries) {
				IndexedProperty expected = catalog.reference(query);
				int slot = table.match(query);
				assertThat(slot == HostTable.NONE).as(query).isEqualTo(expected == null);
				if (expected != null) {
					Resolution resolution = table.resolution("https://" + query + "/", query, slot);
					assertThat(resolution).as(query)
						.isEqualTo(new Resolution("https://" + query + "/", query, expected.account(), expected.id(),
								expected.value(), expected.kind().wire(), expected.services(), expected.origin()));
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
		assertThat(matchIds(catalog.table(), "same.example", "www.same.example", "a.www.same.example", "example",
				"other.example"))
			.containsExactly(idOf(hostname), idOf(onlyHostname), idOf(zone), 0L, 0L);
	}

	@Test
	void longestZoneByLabelsWins() {
		Catalog catalog = new Catalog();
		IndexedProperty org = catalog.zone("example.org");
		IndexedProperty sub = catalog.zone("b.example.org");
		assertThat(matchIds(catalog.table(), "x.y.z.a.b.example.org", "b.example.org", "bb.example.org", "example.org",
				"notexample.org", "org"))
			.containsExactly(idOf(sub), idOf(sub), idOf(org), idOf(org), 0L, 0L);
	}

	@Test
	void namesAtTheLengthLimitMatchAndLongerQueriesStillFindTheirZone() {
		// 4 labels of 63 and a dot each: 255 characters; the zone is the last 253
		String zoneName = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "z".repeat(61);
		assertThat(zoneName).hasSize(HostTable.MAX_NAME_LENGTH);
		Catalog catalog = new Catalog();
		IndexedProperty zone = catalog.zone(zoneName);
		IndexedProperty hostname = catalog.hostname(zoneName);
		assertThat(matchIds(catalog.table(), zoneName, "a." + zoneName, "a.b." + zoneName))
			.containsExactly(idOf(hostname), idOf(zone), idOf(zone));
	}

	@Test
	void namesNoTargetCanEqualAreKeptOutOfTheWay() {
		Catalog catalog = new Catalog();
		catalog.zone("Upper.Example");
		catalog.zone("bücher.example");
		catalog.zone("x".repeat(300));
		catalog.hostname("");
		IndexedProperty ok = catalog.zone("example");
		assertThat(matchIds(catalog.table(), "upper.example", "bücher.example", "example", "x".repeat(300)))
			.containsExactly(idOf(ok), idOf(ok), idOf(ok), 0L);
	}

	@Test
	void namesThatDifferOnlyBeyondTheInlineCharactersAreToldApart() {
		String start = "x".repeat(HostTable.INLINE);
		Catalog catalog = new Catalog();
		IndexedProperty a = catalog.hostname(start + "a.example");
		IndexedProperty b = catalog.hostname(start + "b.example");
		IndexedProperty zone = catalog.zone("example");
		assertThat(matchIds(catalog.table(), start + "a.example", start + "b.example", start + "c.example",
				start.substring(1) + "a.example"))
			.containsExactly(idOf(a), idOf(b), idOf(zone), idOf(zone));
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

	/**
	 * The ids of the properties the table matches for the queries, in order, 0 for none.
	 */
	private static List<Long> matchIds(HostTable table, String... queries) {
		return Arrays.stream(queries).map((query) -> matchId(table, query)).toList();
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
