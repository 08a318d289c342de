package org.abusedesk.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.abusedesk.catalog.Account;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HostTable} against the plain definition: the hostname of that name, else the
 * zone that is the name itself or its longest suffix by labels.
 */
class HostTableTests implements WithQuickTheories {

	private static final Account OWNER = new Account(1, "owner", "Owner", "o@o.example", false, "active");

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
					assertThat(table.match(query)).as(query).isSameAs(catalog.reference(query));
				}
				for (String name : zoneNames) {
					assertThat(table.match("deeper." + name)).as(name).isSameAs(catalog.reference("deeper." + name));
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
			NamedProperty expected = catalog.reference(query);
			assertThat(table.match(query)).as(query).isSameAs(expected);
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
	void hostnameBeatsZoneOfTheSameNameButCoversNoSubdomains() {
		Catalog catalog = new Catalog();
		NamedProperty zone = catalog.zone("same.example");
		NamedProperty hostname = catalog.hostname("same.example");
		NamedProperty onlyHostname = catalog.hostname("www.same.example");
		HostTable table = catalog.table();
		assertThat(table.match("same.example")).isSameAs(hostname);
		assertThat(table.match("www.same.example")).isSameAs(onlyHostname);
		assertThat(table.match("a.www.same.example")).isSameAs(zone);
		assertThat(table.match("example")).isNull();
		assertThat(table.match("other.example")).isNull();
	}

	@Test
	void longestZoneByLabelsWins() {
		Catalog catalog = new Catalog();
		NamedProperty org = catalog.zone("example.org");
		NamedProperty sub = catalog.zone("b.example.org");
		HostTable table = catalog.table();
		assertThat(table.match("x.y.z.a.b.example.org")).isSameAs(sub);
		assertThat(table.match("b.example.org")).isSameAs(sub);
		assertThat(table.match("bb.example.org")).isSameAs(org);
		assertThat(table.match("example.org")).isSameAs(org);
		assertThat(table.match("notexample.org")).isNull();
		assertThat(table.match("org")).isNull();
	}

	@Test
	void namesAtTheLengthLimitMatchAndLongerQueriesStillFindTheirZone() {
		// 4 labels of 63 and a dot each: 255 characters; the zone is the last 253
		String zoneName = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "z".repeat(61);
		assertThat(zoneName).hasSize(HostTable.MAX_NAME_LENGTH);
		Catalog catalog = new Catalog();
		NamedProperty zone = catalog.zone(zoneName);
		NamedProperty hostname = catalog.hostname(zoneName);
		HostTable table = catalog.table();
		assertThat(table.match(zoneName)).isSameAs(hostname);
		assertThat(table.match("a." + zoneName)).isSameAs(zone);
		assertThat(table.match("a.b." + zoneName)).isSameAs(zone);
	}

	@Test
	void namesNoTargetCanEqualAreKeptOutOfTheWay() {
		Catalog catalog = new Catalog();
		catalog.zone("Upper.Example");
		catalog.zone("bücher.example");
		catalog.zone("x".repeat(300));
		catalog.hostname("");
		NamedProperty ok = catalog.zone("example");
		HostTable table = catalog.table();
		assertThat(table.match("upper.example")).isSameAs(ok);
		assertThat(table.match("bücher.example")).isSameAs(ok);
		assertThat(table.match("example")).isSameAs(ok);
		assertThat(table.match("x".repeat(300))).isNull();
	}

	@Test
	void namesThatDifferOnlyBeyondTheInlineCharactersAreToldApart() {
		String start = "x".repeat(NamedProperty.INLINE);
		Catalog catalog = new Catalog();
		NamedProperty a = catalog.hostname(start + "a.example");
		NamedProperty b = catalog.hostname(start + "b.example");
		NamedProperty zone = catalog.zone("example");
		HostTable table = catalog.table();
		assertThat(table.match(start + "a.example")).isSameAs(a);
		assertThat(table.match(start + "b.example")).isSameAs(b);
		assertThat(table.match(start + "c.example")).isSameAs(zone);
		assertThat(table.match(start.substring(1) + "a.example")).isSameAs(zone);
	}

	@Test
	void emptyTableMatchesNothing() {
		HostTable table = new HostTable(Map.of(), Map.of());
		assertThat(table.match("example.org")).isNull();
		assertThat(table.match("a")).isNull();
	}

	/** Zones and hostnames as maps, as the index builder collects them. */
	private static final class Catalog {

		private final Map<String, NamedProperty> zones = new HashMap<>();

		private final Map<String, NamedProperty> hostnames = new HashMap<>();

		private long nextId = 1;

		NamedProperty zone(String name) {
			NamedProperty property = property(PropertyKind.ZONE, name);
			this.zones.put(name, property);
			return property;
		}

		NamedProperty hostname(String name) {
			NamedProperty property = property(PropertyKind.HOSTNAME, name);
			this.hostnames.put(name, property);
			return property;
		}

		private NamedProperty property(PropertyKind kind, String name) {
			return new NamedProperty(this.nextId++, kind, name, OWNER, Set.of(), null);
		}

		HostTable table() {
			return new HostTable(this.hostnames, this.zones);
		}

		NamedProperty reference(String host) {
			NamedProperty hostname = this.hostnames.get(host);
			if (hostname != null) {
				return hostname;
			}
			for (String suffix = host;; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
				NamedProperty zone = this.zones.get(suffix);
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
