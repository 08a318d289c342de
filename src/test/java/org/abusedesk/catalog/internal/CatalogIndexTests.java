package org.abusedesk.catalog.internal;

import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogIndexTests {

	private static final Account ALICE = new Account(1, "alice", "Alice", "alice@a.example", false, "active");

	private static final Account BOB = new Account(2, "bob", "Bob", "bob@b.example", true, "active");

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

	@Test
	void longestZoneByLabelsWins() {
		assertThat(propertyOf("a.b.example.org")).isEqualTo(11);
		assertThat(propertyOf("b.example.org")).isEqualTo(11);
		assertThat(propertyOf("bb.example.org")).isEqualTo(10);
		assertThat(propertyOf("x.y.z.a.b.example.org")).isEqualTo(11);
	}

	@Test
	void hostnameMatchesOnlyItself() {
		assertThat(propertyOf("www.example.org")).isEqualTo(12);
		assertThat(propertyOf("a.www.example.org")).isEqualTo(10);
	}

	@Test
	void hostnameBeatsZoneOfTheSameName() {
		assertThat(propertyOf("same.example")).isEqualTo(14);
		assertThat(propertyOf("sub.same.example")).isEqualTo(13);
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

	@Test
	void longestIpv4PrefixWins() {
		assertThat(propertyOf("198.51.100.1")).isEqualTo(20);
		assertThat(propertyOf("198.51.100.200")).isEqualTo(21);
		assertThat(propertyOf("198.51.100.127")).isEqualTo(20);
		assertThat(propertyOf("http://192.0.2.7:8080/x")).isEqualTo(22);
		assertThat(this.index.resolve("192.0.2.8").ours()).isFalse();
		assertThat(this.index.resolve("198.51.101.1").ours()).isFalse();
	}

	@Test
	void ipv4InOtherSpellingsIsCanonicalised() {
		// as browsers read them (WHATWG URL): 0xC0000207 = 3221225991 = 192.0.2.7
		assertThat(this.index.resolve("http://3221225991/").target()).isEqualTo("192.0.2.7");
		assertThat(this.index.resolve("0xc0.0.2.7").target()).isEqualTo("192.0.2.7");
		assertThat(this.index.resolve("0300.0.2.7").target()).isEqualTo("192.0.2.7");
		assertThat(this.index.resolve("192.0.519").target()).isEqualTo("192.0.2.7");
		assertThat(this.index.resolve("192.0.2.7.").target()).isEqualTo("192.0.2.7");
		assertThat(propertyOf("http://0xC0000207/")).isEqualTo(22);
	}

	@Test
	void longestIpv6PrefixWins() {
		assertThat(propertyOf("2001:db8:100::1")).isEqualTo(23);
		assertThat(propertyOf("2001:db8:100:abcd::1")).isEqualTo(24);
		assertThat(propertyOf("2001:db8:100:ab00::1")).isEqualTo(25);
		assertThat(propertyOf("2001:db8:100:ab00::2")).isEqualTo(24);
		assertThat(this.index.resolve("2001:db8:101::1").ours()).isFalse();
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
	void rfc5952CompressesTheLongestRunOfZeros() {
		assertThat(this.index.resolve("2001:db8:0:0:1:0:0:1").target()).isEqualTo("2001:db8::1:0:0:1");
		assertThat(this.index.resolve("2001:0:0:1:0:0:0:1").target()).isEqualTo("2001:0:0:1::1");
		assertThat(this.index.resolve("2001:db8:0:1:1:1:1:1").target()).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(this.index.resolve("::").target()).isEqualTo("::");
		assertThat(this.index.resolve("::1").target()).isEqualTo("::1");
	}

	@Test
	void notOursResolvesToNobody() {
		Resolution resolution = this.index.resolve("https://elsewhere.example/x");
		assertThat(resolution.ours()).isFalse();
		assertThat(resolution.target()).isEqualTo("elsewhere.example");
		assertThat(resolution.services()).isEmpty();
		assertThat(this.index.resolve("org").ours()).isFalse();
		assertThat(this.index.resolve("notexample.org").ours()).isFalse();
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
