package org.abusedesk.intake;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * The formats a message of the abuse mailbox can come in, with their wire values: what
 * the mailbox recognised ({@link MailOutcome#format()}). The {@code mail_message} table's
 * check constraint (V292) holds the same set.
 */
public enum MailFormat implements WireValue {

	/** A feedback report (RFC 5965). */
	ARF("arf"),
	/** The first X-ARF generation: {@code X-ARF: yes} and a YAML report part. */
	XARF_YAML("xarf-yaml"),
	/**
	 * X-ARF carried as JSON, versions 1 to 3 (flat X-ARF keys, or ReporterInfo/Report).
	 */
	XARF_JSON_V1("xarf-json-v1"), XARF_JSON_V2("xarf-json-v2"), XARF_JSON_V3("xarf-json-v3"),
	/**
	 * X-ARF v4 ({@code xarf_version} 4.x: reporter, source_identifier, category, type).
	 */
	XARF_V4("xarf-v4"),
	/**
	 * A message of a known notifier (Safe Browsing style XML, scanner CSV, SpamCop, ACNS
	 * copyright notices, the operator's own), read by its registry entry.
	 */
	NOTIFIER("notifier"),
	/** Anything else: written by a person, or a CSV feed; targets are extracted. */
	TEXT("text");

	private final String wire;

	MailFormat(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<MailFormat> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static MailFormat fromJson(String value) {
		return WireValue.read(MailFormat.class, value);
	}

}
