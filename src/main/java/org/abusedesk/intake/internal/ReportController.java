package org.abusedesk.intake.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.problems.PayloadTooLargeException;

import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

	private final ReportIntake intake;

	private final ReporterAuthentication reporters;

	ReportController(ReportIntake intake, ReporterAuthentication reporters) {
		this.intake = intake;
		this.reporters = reporters;
	}

	/**
	 * Files a report. The body is read as bytes, not bound to an object, so that it can
	 * be archived exactly as sent before anything interprets it.
	 */
	@PostMapping("/api/v1/reports/{type}")
	@ResponseStatus(HttpStatus.CREATED)
	ReportReceipt submit(@PathVariable String type, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		ReporterCredential credential = this.reporters.credential(request);
		// reports without a token were admitted before anything else
		// (AnonymousIntakeAdmission)
		boolean admitted = credential == null && request.getAttribute(AnonymousIntakeAdmission.ADMITTED) != null;
		if (!admitted) {
			this.reporters.admit(request, credential, 1);
		}
		int limit = "legal_order".equals(type) ? ReportLimits.MAX_BODY_BYTES_WITH_DOCUMENT
				: ReportLimits.MAX_BODY_BYTES;
		try (IntakeBulkhead.Permit permit = admitted ? IntakeBulkhead.Permit.NONE : this.reporters.enter(credential)) {
			byte[] body = readLimited(request.getInputStream(), limit);
			JsonBodies.requireUtf8Json(request, body);
			return this.intake.submit(type, body, request.getRemoteAddr(), credential);
		}
	}

	static byte[] readLimited(InputStream in, int limit) throws IOException {
		byte[] body = in.readNBytes(limit + 1);
		if (body.length > limit) {
			throw new PayloadTooLargeException(limit);
		}
		return body;
	}

}
