package org.abusedesk.appeals.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff mark a denied notice as manifestly unfounded:
 * {@code POST /api/v1/reporter-strikes} {@code {"report_id", "note"}} (reviewer, senior,
 * legal, admin).
 */
@RestController
class ReporterStrikeController {

	record Mark(Long reportId, String note) {
	}

	private final ReporterStrikes strikes;

	ReporterStrikeController(ReporterStrikes strikes) {
		this.strikes = strikes;
	}

	@PostMapping("/api/v1/reporter-strikes")
	@ResponseStatus(HttpStatus.CREATED)
	ReporterStrikes.Marked mark(@RequestBody Mark mark, Authentication staff) {
		if (mark.reportId() == null) {
			throw new org.abusedesk.problems.InvalidInputException("report_id", "required", "The denied report.");
		}
		return this.strikes.mark(mark.reportId(), mark.note(), staff.getName());
	}

}
