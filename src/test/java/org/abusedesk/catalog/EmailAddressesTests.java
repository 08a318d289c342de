package org.abusedesk.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, item 7: one mailbox with a domain, the same rule for intake and catalog. */
class EmailAddressesTests {

	/** 255 characters, each label valid. */
	private static final String TOO_LONG = "a@" + ("b".repeat(62) + ".").repeat(3) + "c".repeat(56) + ".example";

	@Test
	void acceptsOneMailboxWithADomain() {
		assertThat(
				new String[] { "victim@evil.example", "reports+abuse@feeds.example", "first.last@mx.provider.example",
						"a_b-c@x-y.example", "abuse@xn--bcher-kva.example", "o'brien@example.org" })
			.allMatch(EmailAddresses::isValid);
	}

	@Test
	void refusesListsGroupsNamesAndLocalOnlyNames() {
		assertThat(new String[] { "root,postmaster,victim@evil.example", "victim@evil.example, root@evil.example",
				"victim@evil.example;root@evil.example", "root", "postmaster", "postmaster@localhost",
				"Victim <victim@evil.example>", "<victim@evil.example>", "undisclosed-recipients:;",
				"team: a@evil.example, b@evil.example;", "\"root,postmaster\"@evil.example", "victim@evil.example (x)",
				"a@b@evil.example", "@evil.example", "victim@", "victim @evil.example",
				"victim@evil.example\r\nBcc: x@y.example", "victim@[192.0.2.1]", "victim@192.0.2.1",
				"victim@-evil.example", "victim@evil..example", "victim@evil.example.", "",
				"a".repeat(64) + "x@evil.example", TOO_LONG })
			.noneMatch(EmailAddresses::isValid);
		assertThat(EmailAddresses.isValid(null)).isFalse();
		assertThat(TOO_LONG).hasSize(255);
		assertThat(EmailAddresses.isValid(TOO_LONG.replaceFirst("c", ""))).as("254 characters").isTrue();
	}

}
