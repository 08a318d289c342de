package org.abusedesk.problems;

/**
 * One thing wrong with one field of a request: where ({@code field}, a JSON path such as
 * {@code urls[2]} or {@code reporter.email}), what ({@code code}, stable and
 * machine-readable, e.g. {@code required}, {@code too_long}) and a sentence for people.
 */
public record FieldError(String field, String code, String message) {

}
