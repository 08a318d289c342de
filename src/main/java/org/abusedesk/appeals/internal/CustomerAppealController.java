package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.identity.Customer;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer appeals mitigations on their account (customer token):
 * <ul>
 * <li>{@code POST /api/v1/customer/mitigations/{id}/appeal} {@code {"reason",
 * "statement", "evidence"}}: one;</li>
 * <li>{@code POST /api/v1/customer/appeals} {@code {"mitigation_ids": [...], "reason",
 * "statement", "evidence"}}: many with one reason (at most 100), all or none;</li>
 * <li>{@code GET /api/v1/customer/appeals}: the account's appeals and their
 * outcomes;</li>
 * <li>{@code GET /api/v1/customer/strikes}: the account's strikes in force, and the
 * measures a senior confirmed against it with their statements of reasons.</li>
 * </ul>
 * The reason is {@code removed}, {@code misclassified} or {@code other}. Another
 * account's mitigation answers as one that does not exist.
 */
@RestController
class CustomerAppealController {

	private static final int LIST_LIMIT = 500;

	record Batch(List<Long> mitigationIds, String reason, String statement, String evidence) {
	}

	private final AppealFiling filing;

	private final AppealStore appeals;

	private final Strikes strikes;

	private final AccountMeasures measures;

	CustomerAppealController(AppealFiling filing, AppealStore appeals, Strikes strikes, AccountMeasures measures) {
		this.filing = filing;
		this.appeals = appeals;
		this.strikes = strikes;
		this.measures = measures;
	}

	@PostMapping("/api/v1/customer/mitigations/{id}/appeal")
	@ResponseStatus(HttpStatus.CREATED)
	AppealView appeal(@AuthenticationPrincipal Customer customer, @PathVariable long id, @RequestBody AppealForm form) {
		return AppealView.of(this.filing.customerAppeal(customer.accountRef(), id, form));
	}

	@PostMapping("/api/v1/customer/appeals")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, List<AppealView>> appeals(@AuthenticationPrincipal Customer customer, @RequestBody Batch batch) {
		return Map.of("appeals",
				this.filing
					.customerAppeals(customer.accountRef(), batch.mitigationIds(),
							new AppealForm(batch.reason(), batch.statement(), batch.evidence()))
					.stream()
					.map(AppealView::of)
					.toList());
	}

	@GetMapping("/api/v1/customer/appeals")
	Map<String, List<AppealView>> list(@AuthenticationPrincipal Customer customer) {
		return Map.of("appeals",
				this.appeals.ofAccount(customer.accountRef(), LIST_LIMIT).stream().map(AppealView::of).toList());
	}

	@GetMapping("/api/v1/customer/strikes")
	Map<String, List<?>> strikes(@AuthenticationPrincipal Customer customer) {
		return Map.of("strikes", this.strikes.ofAccount(customer.accountRef()), "measures",
				this.measures.list(customer.accountRef(), LIST_LIMIT)
					.stream()
					.filter((measure) -> measure.status().equals("confirmed"))
					.map(CustomerMeasure::of)
					.toList());
	}

	/**
	 * A measure a senior confirmed against the account, as the customer sees it (without
	 * who decided).
	 */
	record CustomerMeasure(long id, String measure, String reportType, int strikes, String statement, Instant decidedAt,
			String reason) {

		static CustomerMeasure of(AccountMeasures.Measure measure) {
			return new CustomerMeasure(measure.id(), measure.measure(), measure.reportType(), measure.strikes(),
					measure.statement(), measure.decidedAt(), measure.decisionReason());
		}

	}

}
