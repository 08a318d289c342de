package org.abusedesk.intake.internal;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public report form: server-rendered, usable without JavaScript. A submission is
 * turned into the API's body and goes through the same intake, so the form shows the
 * API's own validation messages.
 */
@Controller
class ReportFormController {

	private final ReportIntake intake;

	private final ObjectMapper json;

	private static final String RECEIVED = "report-received:";

	private final IntakeRateLimiter limiter;

	ReportFormController(ReportIntake intake, ObjectMapper json, IntakeRateLimiter limiter) {
		this.intake = intake;
		this.json = json;
		this.limiter = limiter;
	}

	@GetMapping("/report")
	String types(Model model) {
		model.addAttribute("specs", ReportTypeSpecs.all());
		return "report/types";
	}

	@GetMapping("/report/{type}")
	String form(@PathVariable String type, Model model) {
		model.addAttribute("page", ReportFormPage.empty(spec(type)));
		return "report/form";
	}

	@PostMapping("/report/{type}")
	String submit(@PathVariable String type, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
			@RequestParam(name = "document", required = false) MultipartFile document, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		TypeSpec spec = spec(type);
		// the same budget as the API: a flood through the form costs no storage
		IntakeRateLimiter.Refusal refusal = this.limiter.acquire(request.getRemoteAddr(), null, 1);
		if (refusal != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(refusal.retryAfter().toSeconds()));
			model.addAttribute("retryAfter", refusal.retryAfter().toSeconds());
			return "report/busy";
		}
		ReportFormInput input = ReportFormInput.of(spec, params);
		ReportFormFiles files = ReportFormFiles.read(spec, evidence, document);
		List<FieldError> formErrors = new ArrayList<>(input.errors());
		formErrors.addAll(files.errors());
		try {
			ReportReceipt receipt = this.intake.submitForm(type, raw(params, files),
					this.json.writeValueAsBytes(input.toJson(files.documentJson())), files.evidence(), formErrors,
					request.getRemoteAddr());
			// post/redirect/get: a refresh of the receipt shows it again instead of
			// filing
			// the report a second time
			request.getSession()
				.setAttribute(RECEIVED + receipt.trackingCode(),
						Received.of(type, receipt, input.value("reporter_email").strip()));
			return "redirect:/report/received/" + receipt.trackingCode();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page",
					ReportFormPage.withErrors(spec, input, ReportFormErrors.of(ex.errors(), input), files.any()));
			return "report/form";
		}
	}

	/**
	 * The receipt of a report filed with the form, for the browser that filed it (kept in
	 * its session): another browser, or the link without the session, finds nothing.
	 */
	@GetMapping("/report/received/{trackingCode}")
	String received(@PathVariable String trackingCode, HttpSession session, Model model) {
		if (!(session.getAttribute(RECEIVED + trackingCode) instanceof Received received)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No receipt for this report in this browser.");
		}
		model.addAttribute("spec", spec(received.type()));
		model.addAttribute("receipt", received.receipt());
		model.addAttribute("email", received.email());
		return "report/received";
	}

	/**
	 * The form as submitted, for the archive: every field but the CSRF token (a secret of
	 * the session, not part of the report), and the files by digest.
	 */
	private byte[] raw(MultiValueMap<String, String> params, ReportFormFiles files) {
		Map<String, Object> fields = new LinkedHashMap<>(params);
		fields.remove("_csrf");
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("fields", fields);
		raw.put("files", files.uploads());
		return this.json.writeValueAsBytes(raw);
	}

	/** A receipt as the session keeps it (sessions may be written to disk). */
	record Received(String type, long id, String trackingCode, String status, String denialReason, String duplicateOf,
			String statusSecret, String email) implements Serializable {

		static Received of(String type, ReportReceipt receipt, String email) {
			return new Received(type, receipt.id(), receipt.trackingCode(), receipt.status(), receipt.denialReason(),
					receipt.duplicateOf(), receipt.statusSecret(), email);
		}

		ReportReceipt receipt() {
			return new ReportReceipt(this.id, this.trackingCode, this.status, this.denialReason, this.duplicateOf,
					this.statusSecret);
		}

	}

	private static TypeSpec spec(String type) {
		return ReportType.fromWire(type)
			.map(ReportTypeSpecs::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report type '" + type + "'."));
	}

}
