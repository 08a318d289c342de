package org.abusedesk.intake.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.problems.FieldError;

/**
 * Where the form shows each problem: the one place that maps the API's field paths
 * ({@code reporter.email}, {@code urls[1]}, {@code notify.owner}) to the ids of form
 * fields ({@code reporter_email}, {@code urls}, {@code notify_owner}). The messages stay
 * the API's.
 */
final class ReportFormErrors {

	/** The id of the form itself, for a problem no single field owns. */
	static final String FORM = "report-form";

	private static final Pattern INDEXED = Pattern.compile("([a-z_]+)\\[(\\d+)]");

	private ReportFormErrors() {
	}

	/**
	 * One problem as the form shows it.
	 *
	 * @param fieldId the id of the field (for a radio group, of its first option)
	 * @param message the API's message, prefixed with the list item it speaks of
	 */
	record Shown(String fieldId, String message) {

	}

	static List<Shown> of(List<FieldError> errors, ReportFormInput input) {
		return errors.stream().map((error) -> show(error, input)).toList();
	}

	static Shown show(FieldError error, ReportFormInput input) {
		Matcher indexed = INDEXED.matcher(error.field());
		if (indexed.matches()) {
			String name = indexed.group(1);
			String item = input.item(name, Integer.parseInt(indexed.group(2))).map((value) -> value + ": ").orElse("");
			return new Shown(fieldId(name), item + error.message());
		}
		if (error.field().equals("document") && error.code().equals("required")) {
			// the API's message describes its JSON shape, which means nothing on the form
			return new Shown("document", "Attach the order as a PDF, image or text file.");
		}
		return new Shown(fieldId(error.field()), error.message());
	}

	static String fieldId(String path) {
		if (path.isEmpty() || path.equals("type")) {
			return FORM;
		}
		if (path.equals("reporter")) {
			return "reporter_name";
		}
		if (path.equals("notify")) {
			return "notify_host";
		}
		if (path.startsWith("document")) {
			return "document";
		}
		if (path.startsWith("reporter.") || path.startsWith("notify.")) {
			return path.replace('.', '_');
		}
		return path;
	}

}
