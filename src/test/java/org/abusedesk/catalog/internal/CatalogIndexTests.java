package org.abusedesk.catalog.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogIndexTests {

	private static final Account ALICE = new Account(1, "alice", "Alice", "alice@a.example", false,
			AccountStatus.ACTIVE);

	private static final Account BOB = new Account(2, "bob", "Bob", "bob@b.example", true, AccountStatus.ACTIVE);

	private static final Origin ORIGIN = new Origin("203.0.113.10", "Origin Host", "abuse@origin.example");

	private final CatalogIndex index = CatalogIndex.builder(7)
		.add(10, PropertyKind.ZONE, "example.org", ALICE, Set.of(Service.PROXY), ORIGIN)
		.add(11, PropertyKind.ZONE, "b.example.org", BOB, Set.of(Service.HOSTING), null)
		.add(12, PropertyKind.HOSTNAME, "www.example.org", BOB, Set.of(Service.DNS), null)
		.add(13, PropertyKind.ZONE, "same.example", ALICE, Set.of(Service.PROXY), null)
		.add(14, PropertyKind.HOSTNAME, "same.example", BOB, Set.of(Service.HOSTING), null)
		.add(15, PropertyKind.ZONE, "xn--bcher-kva.example", ALICE, Set.of(Service.REGISTRAR, Service.DNS), null)
		.add(20, PropertyKind.IP_PREFIX, "198.51.100.0/24", ALICE, Set.of(Service.HOSTING), null)
		.add(21, PropertyKind.IP_PREFIX, "198.51.100.128/25", BOB, Set.of(Service.HOSTING), null)
		.add(22, PropertyKind.IP_PREFIX, "192.0.2.7/32", BOB, Set.of(Service.PROXY), null)
		.add(23, PropertyKind.IP_PREFIX, "2001:db8:100::/48", ALICE, Set.of(Service.HOSTING), null)
		.add(24, PropertyKind.IP_PREFIX, "2001:db8:100:ab00::/56", BOB, Set.of(Service.HOSTING), null)
		.add(25, PropertyKind.IP_PREFIX, "2001:db8:100:ab00::1/128", ALICE, Set.of(Service.DNS), null)
		.build();

	private long propertyOf(String query) {
		return this.index.resolve(query).propertyId();
	}

	@Test
	void zoneCoversItselfAndItsSubdomains() {
		Resolution resolution = this.index.resolve("https://shop.example.org/cart?id=1");
		assertThat(resolution.ours()).isTrue();
		assertThat(resolution.target()).isEqualTo("shop.example.org");
		assertThat(resolution.account()).isEqualTo(ALICE);
		assertThat(resolution.property()).isEqualTo("example.org");
		assertThat(resolution.propertyKind()).isEqualTo("zone");
		assertThat(resolution.services()).containsExactly(Service.PROXY);
		assertThat(resolution.origin()).isEqualTo(ORIGIN);
		assertThat(propertyOf("example.org")).isEqualTo(10);
	}

	/**
	 * The property a query lands on: the longest zone by labels, a hostname only on
	 * itself and before the zone of its name, the longest IP prefix.
	 */
	@ParameterizedTest(name = "{0} is property {1}")
	@CsvSource(textBlock = """
			# the longest zone by labels wins
			a.b.example.org, 11
			b.example.org, 11
			bb.example.org, 10
			x.y.z.a.b.example.org, 11
			# a hostname matches only itself, and beats the zone of the same name
			www.example.org, 12
			a.www.example.org, 10
			same.example, 14
			sub.same.example, 13
			# the longest IPv4 prefix wins
			198.51.100.1, 20
			198.51.100.200, 21
			198.51.100.127, 20
			http://192.0.2.7:8080/x, 22
			http://0xC0000207/, 22
			# the longest IPv6 prefix wins
			2001:db8:100::1, 23
			2001:db8:100:abcd::1, 24
			2001:db8:100:ab00::1, 25
			2001:db8:100:ab00::2, 24
			""")
	void aQueryLandsOnTheMostSpecificProperty(String query, long property) {
		assertThat(propertyOf(query)).isEqualTo(property);
	}

	/**
	 * Addresses in their canonical form: IPv4 as browsers read it (WHATWG URL: 0xC0000207
	 * = 3221225991 = 192.0.2.7), IPv6 as RFC 5952 writes it (the longest run of zeros
	 * compressed).
	 */
	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			http://3221225991/, 192.0.2.7
			0xc0.0.2.7, 192.0.2.7
			0300.0.2.7, 192.0.2.7
			192.0.519, 192.0.2.7
			192.0.2.7., 192.0.2.7
			2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1
			2001:0:0:1:0:0:0:1, 2001:0:0:1::1
			2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1
			::, ::
			::1, ::1
			""")
	void addressesAreWrittenCanonically(String query, String target) {
		assertThat(this.index.resolve(query).target()).isEqualTo(target);
	}

	@Test
	void internationalNamesMatchTheirPunycode() {
		assertThat(this.index.resolve("http://Bücher.example/").target()).isEqualTo("xn--bcher-kva.example");
		assertThat(propertyOf("bücher.example")).isEqualTo(15);
		assertThat(propertyOf("BÜCHER.EXAMPLE")).isEqualTo(15);
		assertThat(propertyOf("shop.xn--bcher-kva.example")).isEqualTo(15);
		assertThat(this.index.resolve("bücher.example").services()).containsExactly(Service.REGISTRAR, Service.DNS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "WWW.EXAMPLE.ORG", "www.example.org.", "www.example.org:8443",
			"http://www.example.org:80/", "https://user:secret@www.example.org/x", "user@www.example.org",
			"//www.example.org/path", "  www.example.org  ", "HTTPS://WWW.Example.Org./a#frag", "www.example.org?q=1",
			"ftp://www.example.org" })
	void spellingsOfOneHostResolveAlike(String query) {
		Resolution resolution = this.index.resolve(query);
		assertThat(resolution.target()).isEqualTo("www.example.org");
		assertThat(resolution.propertyId()).isEqualTo(12);
		assertThat(resolution.query()).isEqualTo(query);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2001:db8:100:ab00::1", "2001:DB8:100:AB00:0:0:0:1", "2001:0db8:0100:ab00:0000::0001",
			"[2001:db8:100:ab00::1]", "http://[2001:db8:100:ab00::1]:8080/a", "https://u@[2001:DB8:100:AB00::1]/",
			"2001:db8:100:ab00::0.0.0.1" })
	void ipv6InAnyValidFormIsCanonicalised(String query) {
		Resolution resolution = this.index.resolve(query);
		assertThat(resolution.target()).isEqualTo("2001:db8:100:ab00::1");
		assertThat(resolution.propertyId()).isEqualTo(25);
	}

	@Test
	void ipv4MappedIpv6IsLookedUpAsIpv4() {
		assertThat(this.index.resolve("[::ffff:192.0.2.7]").target()).isEqualTo("192.0.2.7");
		assertThat(propertyOf("::ffff:c000:207")).isEqualTo(22);
	}

	@Test
	void notOursResolvesToNobody() {
		Resolution resolution = this.index.resolve("https://elsewhere.example/x");
		assertThat(resolution.ours()).isFalse();
		assertThat(resolution.target()).isEqualTo("elsewhere.example");
		assertThat(resolution.services()).isEmpty();
		for (String query : List.of("org", "notexample.org", "192.0.2.8", "198.51.101.1", "2001:db8:101::1")) {
			assertThat(this.index.resolve(query).ours()).as(query).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "http://", "https:///path", "a..b.example", ".example.org", "exa mple.org",
			"http://user@", "example.org:port", "[2001:db8::1", "[2001:db8::1]x", "2001:db8:::1", "1:2:3:4:5:6:7:8:9",
			"256.1.1.1", "1.2.3.4.5", "example.123", "0x1g.1.1.1", "fe80::1%eth0", "*.example.org", "a_<b>.example",
			"http://exa%6dple.org/" })
	void garbageIsRejected(String query) {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.index.resolve(query));
	}

	@Test
	void nullIsRejected() {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> this.index.resolve(null));
	}

	@Test
	void sharesServiceSetsBetweenProperties() {
		assertThat(this.index.resolve("example.org").services())
			.isSameAs(this.index.resolve("sub.same.example").services());
		assertThat(this.index.revision()).isEqualTo(7);
		assertThat(this.index.size()).isEqualTo(12);
	}

	@Test
	void emptyIndexKnowsNothing() {
		assertThat(CatalogIndex.empty().resolve("example.org").ours()).isFalse();
		assertThat(CatalogIndex.empty().resolve("192.0.2.1").ours()).isFalse();
		assertThat(CatalogIndex.empty().resolve("::1").ours()).isFalse();
	}

}
