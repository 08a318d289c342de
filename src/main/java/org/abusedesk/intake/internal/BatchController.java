package org.abusedesk.intake.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.abusedesk.problems.UnauthorizedException;
import tools.jackson.databind.JsonNode;

import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BatchController {

	private final BatchIntake batches;

	private final ReporterAuthentication reporters;

	BatchController(BatchIntake batches, ReporterAuthentication reporters) {
		this.batches = batches;
		this.reporters = reporters;
	}

	/** Up to 1,000 reports in one call; needs a reporter token. */
	@PostMapping("/api/v1/reports:batch")
	BatchIntake.BatchResult submit(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		ReporterCredential credential = this.reporters.credential(request);
		if (credential == null) {
			throw new UnauthorizedException("Batches need a reporter token (Authorization: Bearer ...).");
		}
		this.reporters.admit(request, credential, 1);
		try (IntakeBulkhead.Permit permit = this.reporters.enter(credential)) {
			byte[] body = ReportController.readLimited(request.getInputStream(), BatchIntake.MAX_BODY_BYTES);
			JsonBodies.requireUtf8Json(request, body);
			List<JsonNode> items = this.batches.read(body, request.getRemoteAddr());
			int count = items.size();
			if (count > 1) {
				this.reporters.admit(request, credential, count - 1);
			}
			return this.batches.submit(body, items, request.getRemoteAddr(), credential);
		}
	}

}
