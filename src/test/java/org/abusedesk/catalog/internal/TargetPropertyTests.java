package org.abusedesk.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.Service;
import org.abusedesk.catalog.Targets;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties that must hold for every input, checked on generated ones. */
class TargetPropertyTests implements WithQuickTheories {

	private static final Account OWNER = new Account(1, "owner", "Owner", "o@o.example", false, AccountStatus.ACTIVE);

	private final CatalogIndex index = CatalogIndex.builder(1)
		.add(1, PropertyKind.ZONE, "example.org", OWNER, Set.of(Service.PROXY), null)
		.add(2, PropertyKind.ZONE, "deep.example.org", OWNER, Set.of(Service.HOSTING), null)
		.add(3, PropertyKind.HOSTNAME, "www.example.org", OWNER, Set.of(Service.DNS), null)
		.build();

	private Gen<List<String>> labels() {
		Gen<String> label = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
		Gen<String> mixed = label.mix(strings().betweenCodePoints('0', '9')
			.ofLengthBetween(1, 3)
			.zip(label, (digits, letters) -> letters + "-" + digits), 20);
		return lists().of(mixed).ofSizeBetween(1, 6);
	}

	@Test
	void everySubdomainOfAZoneResolvesToTheLongestPropertyCoveringIt() {
		qt().forAll(labels()).checkAssert((labels) -> {
			String host = String.join(".", labels) + ".example.org";
			long expected = host.endsWith(".deep.example.org") ? 2 : host.equals("www.example.org") ? 3 : 1;
			assertThat(this.index.resolve("https://" + host.toUpperCase(Locale.ROOT) + "./path").propertyId()).as(host)
				.isEqualTo(expected);
		});
	}

	@Test
	void normalisingIsIdempotentAndIgnoresSpelling() {
		qt().forAll(labels(), integers().between(1, 65535)).checkAssert((labels, port) -> {
			String host = String.join(".", labels) + ".example";
			String normalised = Targets.normalize(host);
			assertThat(Targets.normalize(normalised)).isEqualTo(normalised);
			assertThat(Targets.normalize("HTTP://user:pw@" + host.toUpperCase(Locale.ROOT) + ".:" + port + "/a?b#c"))
				.isEqualTo(normalised);
		});
	}

	@Test
	void everyIpv6SpellingOfAnAddressNormalisesToOneCanonicalText() {
		qt().forAll(longs().all(), longs().all()).checkAssert((hi, lo) -> {
			String canonical = Targets.normalize(IpAddresses.formatIpv6(hi, lo));
			StringBuilder expanded = new StringBuilder();
			for (int g = 0; g < 8; g++) {
				long bits = (g < 4) ? hi >>> (48 - 16 * g) : lo >>> (48 - 16 * (g - 4));
				expanded.append((g > 0) ? ":" : "").append(String.format("%04X", bits & 0xFFFF));
			}
			assertThat(Targets.normalize("[" + expanded + "]")).isEqualTo(canonical);
			assertThat(Targets.normalize(canonical)).isEqualTo(canonical);
		});
	}

	@Test
	void everyIpv4SpellingOfAnAddressNormalisesToTheDottedQuad() {
		qt().forAll(longs().between(0, 0xFFFFFFFFL)).checkAssert((address) -> {
			String quad = IpAddresses.formatIpv4(address);
			assertThat(Targets.normalize(quad)).isEqualTo(quad);
			assertThat(Targets.normalize("http://" + address + "/")).isEqualTo(quad);
			assertThat(Targets.normalize("0x" + Long.toHexString(address))).isEqualTo(quad);
		});
	}

}
