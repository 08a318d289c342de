package org.abusedesk.intake.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The operator's configuration of reporter tokens (admins only). */
@RestController
class ReporterTokenController {

	private static final SecureRandom random = new SecureRandom();

	record NewToken(String label, String reporterKind, String name, String email, String organisation) {
	}

	record IssuedToken(long id, String token) {
	}

	private final ReporterTokenStore tokens;

	private final AuditLog audit;

	ReporterTokenController(ReporterTokenStore tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@PostMapping("/api/v1/reporter-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	IssuedToken create(@RequestBody NewToken request, Authentication admin) {
		List<FieldError> errors = new ArrayList<>();
		require(errors, "label", request.label(), 255);
		require(errors, "name", request.name(), 255);
		require(errors, "email", request.email(), 254);
		if (request.email() != null && !EmailAddresses.isValid(request.email())) {
			errors.add(new FieldError("email", "invalid", "This is not an email address."));
		}
		ReporterKind kind = ReporterKind.fromWire(request.reporterKind()).orElse(null);
		if (kind == null) {
			errors.add(new FieldError("reporter_kind", "invalid", "Choose one of the reporter kinds."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = "adr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = this.tokens.create(secret, request.label(), kind, request.name(), request.email(),
				request.organisation());
		this.audit.append("reporter_token:" + id, "staff:" + admin.getName(), "reporter_token.issued",
				Map.of("label", request.label(), "reporter_kind", kind.wire()));
		return new IssuedToken(id, secret);
	}

	@GetMapping("/api/v1/reporter-tokens")
	List<ReporterTokenStore.ReporterTokenView> list() {
		return this.tokens.list();
	}

	@DeleteMapping("/api/v1/reporter-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void revoke(@PathVariable long id, Authentication admin) {
		if (!this.tokens.revoke(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No active reporter token " + id);
		}
		this.audit.append("reporter_token:" + id, "staff:" + admin.getName(), "reporter_token.revoked", Map.of());
	}

	private static void require(List<FieldError> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", "This field is required."));
		}
		else if (value.length() > max) {
			errors.add(new FieldError(field, "too_long", "At most " + max + " characters."));
		}
	}

}
