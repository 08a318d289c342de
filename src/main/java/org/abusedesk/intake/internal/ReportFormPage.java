package org.abusedesk.intake.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.abusedesk.intake.NotifyChoice;

/**
 * What the form template shows: the type's spec, the values as submitted and the problems
 * found, by field id.
 *
 * @param spec the report type's spec
 * @param input the values to show again
 * @param errors the problems, in the validator's order
 * @param filesDropped whether files were uploaded that the reporter has to choose again
 */
// the methods the template calls are public: the template engine finds no others

record ReportFormPage(TypeSpec spec, ReportFormInput input, List<ReportFormErrors.Shown> errors, boolean filesDropped) {

	static ReportFormPage empty(TypeSpec spec) {
		return new ReportFormPage(spec, ReportFormInput.empty(spec), List.of(), false);
	}

	/** The page showing {@code errors} in the order of the fields they belong to. */
	static ReportFormPage withErrors(TypeSpec spec, ReportFormInput input, List<ReportFormErrors.Shown> errors,
			boolean filesDropped) {
		List<String> order = List.copyOf(ReportFormLabels.of(spec).keySet());
		List<ReportFormErrors.Shown> sorted = errors.stream()
			.sorted(Comparator.comparingInt((ReportFormErrors.Shown error) -> {
				int index = order.indexOf(error.fieldId());
				return (index < 0) ? order.size() : index;
			}))
			.toList();
		return new ReportFormPage(spec, input, sorted, filesDropped);
	}

	public String label(String id) {
		return ReportFormLabels.of(this.spec).getOrDefault(id, "Your report");
	}

	/** A problem as the summary lists it: which field, then what is wrong. */
	public String summary(ReportFormErrors.Shown error) {
		return label(error.fieldId()) + ": " + error.message();
	}

	public String value(String name) {
		return this.input.value(name);
	}

	public boolean checked(String name, String value) {
		return this.input.value(name).equals(value);
	}

	public List<String> errorsFor(String id) {
		return this.errors.stream()
			.filter((error) -> error.fieldId().equals(id))
			.map(ReportFormErrors.Shown::message)
			.toList();
	}

	public boolean hasError(String id) {
		return this.errors.stream().anyMatch((error) -> error.fieldId().equals(id));
	}

	/** The ids that describe a field: its help text, and its problems when it has any. */
	public String describedBy(String id) {
		return hasError(id) ? id + "-hint " + id + "-error" : id + "-hint";
	}

	/**
	 * The choices the type allows for one recipient (host, owner or ncmec).
	 */
	public List<String> notifyChoices(String recipient) {
		return Arrays.stream(NotifyChoice.values())
			.filter((choice) -> recipient.equals("ncmec") ? choice != NotifyChoice.NONE
					: this.spec.allows(recipient, choice))
			.map(NotifyChoice::wire)
			.toList();
	}

	/** The labels of {@link #notifyChoices}, in their order. */
	public List<String> notifyLabels(String recipient) {
		boolean ncmec = recipient.equals("ncmec");
		return notifyChoices(recipient).stream().map((choice) -> switch (choice) {
			case "send" -> ncmec ? "With my name and contact details" : "Yes, with my name and contact details";
			case "send-anon" ->
				ncmec ? "Without my name or contact details" : "Yes, without my name or contact details";
			default -> "No, do not tell them";
		}).toList();
	}

	/** The id of one option of a radio group: the first carries the group's id. */
	public String optionId(String name, String value, boolean first) {
		return first ? name : name + "-" + value;
	}

}
