package org.abusedesk.portal.internal;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.appeals.CustomerReviews;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.notifications.Outbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.identity.Customer;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.transparency.CustomerStatements;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer's view: the reports about their properties and the mitigations on their
 * account, and the "request review" action. Every query is filtered by the account of the
 * customer's token; another account's mitigation answers 404 like one that does not
 * exist, so ids cannot be probed.
 */
@RestController
class CustomerController {

	static final int MAX_PAGE = 100;

	static final int MAX_COMMENT = 2000;

	/**
	 * @param reporter the reporter's name and contact, only where the reporter chose
	 * {@code send} for the owner
	 * @param comments the reporter's comments, likewise
	 */
	record CustomerReport(long id, String trackingCode, String type, String status, Instant receivedAt, String target,
			List<String> urls, List<String> addresses, String justification, SharedReporter reporter, String comments) {

		static CustomerReport of(Report report) {
			boolean shared = report.notifyOwner() == NotifyChoice.SEND;
			SharedReporter reporter = shared ? new SharedReporter(report.reporter().name(), report.reporter().email(),
					report.reporter().organisation()) : null;
			return new CustomerReport(report.id(), report.trackingCode(), report.type().wire(), report.status().wire(),
					report.receivedAt(), report.resolution().target(), report.urls(), report.addresses(),
					report.justification(), reporter, shared ? report.comments() : null);
		}

	}

	record SharedReporter(String name, String email, String organisation) {
	}

	record CustomerMitigation(long id, String type, String entityType, String target, List<String> territorialScope,
			MitigationStatus status, Instant effectiveAt, Instant expiresAt, Instant createdAt, Instant updatedAt,
			String statement, String decisionGround, boolean reviewable,
			CustomerStatements.CustomerStatement statementOfReasons) {

		/** With the statement of reasons in plain words, as the notice email gives it. */
		static CustomerMitigation of(Mitigation mitigation, CustomerStatements statements) {
			return of(mitigation, statements.of(mitigation.id()).orElse(null));
		}

		/** A page of them, their statements read at once. */
		static List<CustomerMitigation> of(List<Mitigation> mitigations, CustomerStatements statements) {
			Map<Long, CustomerStatements.CustomerStatement> read = statements
				.of(mitigations.stream().map(Mitigation::id).toList());
			return mitigations.stream().map((mitigation) -> of(mitigation, read.get(mitigation.id()))).toList();
		}

		private static CustomerMitigation of(Mitigation mitigation, CustomerStatements.CustomerStatement statement) {
			return new CustomerMitigation(mitigation.id(), mitigation.type(), mitigation.entityType(),
					mitigation.target(), mitigation.territorialScope(), mitigation.status(), mitigation.effectiveAt(),
					mitigation.expiresAt(), mitigation.createdAt(), mitigation.updatedAt(), mitigation.statement(),
					mitigation.decisionGround(), MitigationStatus.REVIEWABLE.contains(mitigation.status()), statement);
		}

	}

	record ReviewRequest(String reason, String comment) {
	}

	/** A message we sent the customer about its mitigations, as it was sent. */
	record CustomerNotice(long id, String status, Instant createdAt, Instant sentAt, long caseId, String subject,
			String body) {

		static CustomerNotice of(Outbound.Sent row) {
			return new CustomerNotice(row.id(), row.status(), row.createdAt(), row.sentAt(), row.caseId(),
					row.subject(), row.body());
		}

	}

	record Page<T>(List<T> items, Long nextBefore) {
	}

	private final Reports reports;

	private final Mitigations mitigations;

	private final CustomerReviews reviews;

	private final Outbound outbound;

	private final CustomerStatements statements;

	CustomerController(Reports reports, Mitigations mitigations, CustomerReviews reviews, Outbound outbound,
			CustomerStatements statements) {
		this.reports = reports;
		this.statements = statements;
		this.outbound = outbound;
		this.mitigations = mitigations;
		this.reviews = reviews;
	}

	@GetMapping("/api/v1/customer/reports")
	Page<CustomerReport> reports(@AuthenticationPrincipal Customer customer,
			@RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before) {
		checkLimit(limit);
		List<CustomerReport> page = this.reports.aboutAccount(customer.accountRef(), limit, before)
			.stream()
			.map(CustomerReport::of)
			.toList();
		return new Page<>(page, (page.size() == limit) ? page.get(page.size() - 1).id() : null);
	}

	@GetMapping("/api/v1/customer/mitigations")
	Page<CustomerMitigation> mitigations(@AuthenticationPrincipal Customer customer,
			@RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before) {
		checkLimit(limit);
		List<CustomerMitigation> page = CustomerMitigation
			.of(this.mitigations.ofAccount(customer.accountRef(), limit, before), this.statements);
		return new Page<>(page, (page.size() == limit) ? page.get(page.size() - 1).id() : null);
	}

	/**
	 * The messages we sent the customer about mitigations on its account (proposed, in
	 * effect, lifted), newest first: the same words as the emails.
	 */
	@GetMapping("/api/v1/customer/notices")
	Page<CustomerNotice> notices(@AuthenticationPrincipal Customer customer,
			@RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before) {
		checkLimit(limit);
		List<CustomerNotice> page = this.outbound
			.sentToAccount(customer.accountRef(), Mitigations.NOTICE_KIND, limit, before)
			.stream()
			.map(CustomerNotice::of)
			.toList();
		return new Page<>(page, (page.size() == limit) ? page.get(page.size() - 1).id() : null);
	}

	@PostMapping("/api/v1/customer/mitigations/{id}/review")
	CustomerMitigation requestReview(@AuthenticationPrincipal Customer customer, @PathVariable long id,
			@RequestBody ReviewRequest request) {
		AppealReason reason = AppealReason.fromWire(request.reason())
			.filter(CustomerReviews.REASONS::contains)
			.orElseThrow(() -> new InvalidInputException("reason", "invalid",
					"One of: removed (I removed it), misclassified (it is not what the report says)."));
		String comment = (request.comment() != null && !request.comment().isBlank()) ? request.comment().strip() : null;
		if (comment != null && comment.length() > MAX_COMMENT) {
			throw new InvalidInputException("comment", "too_long", "At most " + MAX_COMMENT + " characters.");
		}
		return this.reviews.request(customer.accountRef(), id, reason, comment)
			.map((mitigation) -> CustomerMitigation.of(mitigation, this.statements))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + id));
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and " + MAX_PAGE + ".");
		}
	}

}
