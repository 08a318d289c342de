package org.abusedesk.catalog.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrefixTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "198.51.100.0/24, 198.51.100.0/24", "2001:0DB8:0100:0000::/48, 2001:db8:100::/48",
			"192.0.2.7, 192.0.2.7/32", "2001:db8::1, 2001:db8::1/128", "0.0.0.0/0, 0.0.0.0/0", "::/0, ::/0" })
	void readsAndPrintsCanonically(String text, String canonical) {
		assertThat(Prefix.parse(text).text()).isEqualTo(canonical);
	}

	@Test
	void refusesHostBitsAndNamesTheNetwork() {
		assertThatIllegalArgumentException().isThrownBy(() -> Prefix.parse("198.51.100.5/24"))
			.withMessageContaining("198.51.100.0/24");
		assertThatIllegalArgumentException().isThrownBy(() -> Prefix.parse("2001:db8:100::1/48"))
			.withMessageContaining("2001:db8:100::/48");
	}

	@Test
	void refusesWhatIsNotAPrefix() {
		for (String text : new String[] { "198.51.100/24", "198.51.100.0/33", "198.51.100.0/", "2001:db8::/129",
				"010.0.0.0/8", "example.org", "1.2.3.4/-1", "::ffff:zz/96" }) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Prefix.parse(text));
		}
	}

}
