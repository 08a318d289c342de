package org.abusedesk.identity.internal;

import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.Accounts;
import org.abusedesk.identity.CustomerTokens.IssuedToken;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins issue and revoke customers' API tokens; both are audited in
 * {@code customer_token:<id>}. Revoking a token also ends the web sessions signed in with
 * it.
 */
@RestController
class CustomerTokenController {

	record TokenRequest(String accountRef, String label) {
	}

	record TokenIssued(long id, String accountRef, String label, String token) {
	}

	private final CustomerTokenStore tokens;

	private final AuditLog audit;

	private final Accounts accounts;

	CustomerTokenController(CustomerTokenStore tokens, AuditLog audit, Accounts accounts) {
		this.tokens = tokens;
		this.audit = audit;
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/customer-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	TokenIssued issue(@RequestBody TokenRequest request, Authentication admin) {
		if (request.accountRef() == null || request.accountRef().isBlank() || request.accountRef().length() > 200) {
			throw new InvalidInputException("account_ref", "required", "The catalog account's ref.");
		}
		if (!this.accounts.exists(request.accountRef().strip())) {
			throw new InvalidInputException("account_ref", "unknown",
					"No catalog account has the ref '" + request.accountRef().strip() + "'.");
		}
		String label = (request.label() != null && !request.label().isBlank()) ? request.label() : "customer";
		if (label.length() > 200) {
			throw new InvalidInputException("label", "too_long", "At most 200 characters.");
		}
		IssuedToken issued = this.tokens.issue(request.accountRef().strip(), label);
		this.audit.append("customer_token:" + issued.id(), "staff:" + admin.getName(), "customer_token.issued",
				Map.of("account_ref", request.accountRef().strip(), "label", label));
		return new TokenIssued(issued.id(), request.accountRef().strip(), label, issued.token());
	}

	@DeleteMapping("/api/v1/customer-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void revoke(@PathVariable long id, Authentication admin) {
		if (!this.tokens.revoke(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No live customer token " + id);
		}
		this.audit.append("customer_token:" + id, "staff:" + admin.getName(), "customer_token.revoked", Map.of());
	}

}
