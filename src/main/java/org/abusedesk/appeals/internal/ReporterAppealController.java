package org.abusedesk.appeals.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reporter appeals the denial of their report from its status page: {@code POST
 * /api/v1/reports/status/{trackingCode}/appeal} {@code {"secret", "reason", "statement",
 * "evidence"}}, the secret being the one of the receipt (no account needed). The reason
 * is {@code misclassified} or {@code other}. A wrong secret and an unknown code get the
 * same answer.
 */
@RestController
class ReporterAppealController {

	record ReporterAppeal(String secret, String reason, String statement, String evidence) {
	}

	private final AppealFiling filing;

	ReporterAppealController(AppealFiling filing) {
		this.filing = filing;
	}

	@PostMapping("/api/v1/reports/status/{trackingCode}/appeal")
	@ResponseStatus(HttpStatus.CREATED)
	AppealView appeal(@PathVariable String trackingCode, @RequestBody ReporterAppeal appeal) {
		return AppealView.of(this.filing.reporterAppeal(trackingCode, appeal.secret(),
				new AppealForm(appeal.reason(), appeal.statement(), appeal.evidence())));
	}

}
