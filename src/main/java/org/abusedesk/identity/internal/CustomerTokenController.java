package org.abusedesk.identity.internal;

import org.abusedesk.identity.CustomerTokens.IssuedToken;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admins issue and revoke customers' API tokens. */
@RestController
class CustomerTokenController {

	record TokenRequest(String accountRef, String label) {
	}

	record TokenIssued(long id, String accountRef, String label, String token) {
	}

	private final CustomerTokenStore tokens;

	CustomerTokenController(CustomerTokenStore tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/customer-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	TokenIssued issue(@RequestBody TokenRequest request) {
		if (request.accountRef() == null || request.accountRef().isBlank() || request.accountRef().length() > 200) {
			throw new InvalidInputException("account_ref", "required", "The catalog account's ref.");
		}
		String label = (request.label() != null && !request.label().isBlank()) ? request.label() : "customer";
		if (label.length() > 200) {
			throw new InvalidInputException("label", "too_long", "At most 200 characters.");
		}
		IssuedToken issued = this.tokens.issue(request.accountRef().strip(), label);
		return new TokenIssued(issued.id(), request.accountRef().strip(), label, issued.token());
	}

	@DeleteMapping("/api/v1/customer-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		if (!this.tokens.revoke(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No live customer token " + id);
		}
	}

}
