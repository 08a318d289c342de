package org.abusedesk.appeals.internal;

import java.util.Locale;
import java.util.Optional;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.intake.Report;

import org.springframework.stereotype.Component;

/**
 * The messages of a counter-notice: the counter-notice forwarded to the complainant with
 * the subscriber's contact (512(g)(2)(B) requires it) and the date the content comes
 * back; the customer's confirmation; and, later, the restoration or the action filed.
 */
@Component
class CounterNoticeLetters {

	private final String publicBaseUrl;

	CounterNoticeLetters(AppealProperties properties) {
		this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	Optional<Outbound.Message> toComplainant(CounterNotice notice, Report report) {
		return email(report).map((email) -> {
			CounterNoticeForm form = notice.form();
			String body = greeting(report) + "We received a counter-notice to your copyright notice "
					+ report.trackingCode() + " (our case " + notice.caseId() + "). We forward it as 17 U.S.C. 512(g) "
					+ "requires.\n\n" + "Material removed: " + form.material() + "\nWhere it was: " + form.location()
					+ "\nStatement: " + CounterNoticeForm.PERJURY + "\nConsent: " + CounterNoticeForm.JURISDICTION
					+ "\nName: " + form.name() + "\nAddress: " + form.address() + "\nTelephone: " + form.phone()
					+ "\nSignature: " + form.signature() + "\n\n" + "We will restore the material on "
					+ notice.restoreAt() + " unless you tell us before then that you have filed an action seeking a "
					+ "court order to restrain the subscriber from infringing activity relating to it. To tell us, "
					+ "post the case reference " + notice.caseId() + " and the court and docket of your action to "
					+ this.publicBaseUrl + "/api/v1/reports/status/" + report.trackingCode()
					+ "/action-filed with the status secret of your report.\n";
			return new Outbound.Message(key(notice, "forwarded", report, email), "notify_reporter", report.id(),
					notice.caseId(), email, "Counter-notice to your copyright notice " + report.trackingCode(), body);
		});
	}

	Outbound.Message toCustomer(CounterNotice notice, String recipient) {
		return new Outbound.Message("counter_notice:" + notice.id() + ":filed:customer", "notify_owner", 0,
				notice.caseId(), recipient, "Your counter-notice " + notice.id() + " was received",
				"Hello,\n\nWe received your counter-notice about " + notice.form().location()
						+ " and forwarded it to the complainant. Unless they tell us that they filed a court action, "
						+ "we will restore the material on " + notice.restoreAt() + ".\n");
	}

	Optional<Outbound.Message> restoredToComplainant(CounterNotice notice, Report report) {
		return email(report)
			.map((email) -> new Outbound.Message(key(notice, "restored", report, email), "notify_reporter", report.id(),
					notice.caseId(), email, "Material restored after a counter-notice (" + report.trackingCode() + ")",
					greeting(report)
							+ "We did not hear of a court action within the time 17 U.S.C. 512(g) gives, so we "
							+ "restored " + notice.form().location() + " on " + notice.restoredAt() + ".\n"));
	}

	Outbound.Message restoredToCustomer(CounterNotice notice, String recipient) {
		return new Outbound.Message("counter_notice:" + notice.id() + ":restored:customer", "notify_owner", 0,
				notice.caseId(), recipient, "Material restored: " + notice.form().location(),
				"Hello,\n\nAfter your counter-notice " + notice.id() + ", we restored " + notice.form().location()
						+ ".\n");
	}

	Outbound.Message actionFiledToCustomer(CounterNotice notice, String recipient, String reference) {
		return new Outbound.Message("counter_notice:" + notice.id() + ":action_filed:customer", "notify_owner", 0,
				notice.caseId(), recipient, "A court action was filed: " + notice.form().location(),
				"Hello,\n\nThe complainant told us that they filed a court action about " + notice.form().location()
						+ " (" + reference + "). We will not restore the material while the court decides; send us "
						+ "the court's decision when there is one.\n");
	}

	private static String greeting(Report report) {
		return "Hello" + (report.reporter().name() != null ? " " + report.reporter().name() : "") + ",\n\n";
	}

	private static Optional<String> email(Report report) {
		String email = report.reporter().email();
		return (email == null || email.isBlank()) ? Optional.empty() : Optional.of(email);
	}

	private static String key(CounterNotice notice, String what, Report report, String email) {
		return "counter_notice:" + notice.id() + ":" + what + ":" + report.id() + ":" + email.toLowerCase(Locale.ROOT);
	}

}
