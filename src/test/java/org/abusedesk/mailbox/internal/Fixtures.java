package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Our own fixture messages under src/test/resources/mail, written to the specifications.
 */
final class Fixtures {

	static final String[] ALL = { "arf.eml", "arf-sloppy.eml", "xarf-yaml.eml", "xarf-json-v1.eml", "xarf-json-v2.eml",
			"xarf-json-v3.eml", "xarf-v4.eml", "text-defanged.eml", "arf-source-in-received.eml",
			"arf-source-in-text.eml", "xarf-yaml-mangled.eml", "xarf-plain-body.eml", "xarf-yaml-no-header.eml",
			"notifier-safe-browsing.eml", "notifier-shadowserver.eml", "notifier-spamcop.eml", "notifier-acns.eml" };

	private Fixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/mail/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
