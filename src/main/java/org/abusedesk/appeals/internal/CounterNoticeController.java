package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.identity.Customer;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DMCA counter-notices:
 * <ul>
 * <li>{@code POST /api/v1/customer/mitigations/{id}/counter-notice} (customer token): the
 * 512(g)(3) elements ({@link CounterNoticeForm});</li>
 * <li>{@code POST /api/v1/reports/status/{trackingCode}/action-filed} {@code {"secret",
 * "case_reference", "action"}}: the complainant, with their report's status secret, tells
 * us of the court action that stops the restoration.</li>
 * </ul>
 */
@RestController
class CounterNoticeController {

	record Filed(long id, long caseId, long mitigationId, String status, Instant filedAt, Instant restoreAt) {

		static Filed of(CounterNotice notice) {
			return new Filed(notice.id(), notice.caseId(), notice.mitigationId(), notice.status(), notice.filedAt(),
					notice.restoreAt());
		}

	}

	record ActionFiled(String secret, String caseReference, String action) {
	}

	private final CounterNotices counterNotices;

	CounterNoticeController(CounterNotices counterNotices) {
		this.counterNotices = counterNotices;
	}

	@PostMapping("/api/v1/customer/mitigations/{id}/counter-notice")
	@ResponseStatus(HttpStatus.CREATED)
	Filed file(@AuthenticationPrincipal Customer customer, @PathVariable long id, @RequestBody CounterNoticeForm form) {
		return Filed.of(this.counterNotices.file(customer.accountRef(), id, form));
	}

	@PostMapping("/api/v1/reports/status/{trackingCode}/action-filed")
	Map<String, List<Filed>> actionFiled(@PathVariable String trackingCode, @RequestBody ActionFiled filed) {
		return Map.of("counter_notices",
				this.counterNotices.actionFiled(trackingCode, filed.secret(), filed.caseReference(), filed.action())
					.stream()
					.map(Filed::of)
					.toList());
	}

}
