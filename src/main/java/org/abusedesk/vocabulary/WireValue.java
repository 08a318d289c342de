package org.abusedesk.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A member of one of the glossary's closed sets, with its lower-case wire value. Every
 * enum of the glossary implements it, annotates its {@code wire()} with {@link JsonValue}
 * (so Jackson writes the wire value, never the constant's name) and reads JSON through
 * {@link #read(Class, String)}.
 */
public interface WireValue {

	/** The lower-case word used in JSON, SQL, request parameters and the CLI. */
	@JsonValue
	String wire();

	/**
	 * Reads a wire value leniently: surrounding blanks, upper case and the Java
	 * constant's name ({@code URL_PATTERN} for {@code url_pattern}, as stored before the
	 * wire format was fixed) are accepted.
	 * @return the member, or empty when {@code value} names none
	 */
	static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		String wanted = value.strip();
		for (E candidate : type.getEnumConstants()) {
			if (candidate.wire().equalsIgnoreCase(wanted) || candidate.name().equalsIgnoreCase(wanted)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * {@link #parse(Class, String)} for JSON and request parameters.
	 * @throws IllegalArgumentException naming the allowed values when {@code value} names
	 * no member
	 */
	static <E extends Enum<E> & WireValue> E read(Class<E> type, String value) {
		return parse(type, value)
			.orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of: " + allowed(type)));
	}

	/** The wire values of {@code type}, comma separated, for error messages. */
	static <E extends Enum<E> & WireValue> String allowed(Class<E> type) {
		return String.join(", ", wires(type));
	}

	/**
	 * The wire values of {@code type} in declaration order, e.g. for the enum lists of
	 * the OpenAPI document.
	 */
	static <E extends Enum<E> & WireValue> List<String> wires(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(WireValue::wire).toList();
	}

}
