package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportType;

import static org.assertj.core.api.Assertions.assertThat;

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

	/** The fixture {@code name} as the parser reads it. */
	static ParsedMessage parsed(String name) {
		return parse(bytes(name));
	}

	/** A message as the parser reads it, within the default limits. */
	static ParsedMessage parse(byte[] raw) {
		return new MailParser(MailLimits.DEFAULTS).parse(raw);
	}

	/**
	 * The fixture {@code name} is read as {@code format}, with the category, reporter's
	 * email and targets given.
	 */
	static void assertRead(String name, MailFormat format, String category, String reporterEmail,
			MailTarget... targets) {
		assertThat(parsed(name))
			.extracting(ParsedMessage::format, ParsedMessage::category, ParsedMessage::reporterEmail,
					ParsedMessage::targets)
			.containsExactly(format, category, reporterEmail, List.of(targets));
	}

	static MailTarget address(String value) {
		return address(value, ReportType.GENERAL);
	}

	static MailTarget address(String value, ReportType type) {
		return new MailTarget(MailTarget.Kind.ADDRESS, value, type);
	}

	static MailTarget url(String value) {
		return url(value, ReportType.GENERAL);
	}

	static MailTarget url(String value, ReportType type) {
		return new MailTarget(MailTarget.Kind.URL, value, type);
	}

	static MailTarget host(String value) {
		return new MailTarget(MailTarget.Kind.HOST, value, ReportType.GENERAL);
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
