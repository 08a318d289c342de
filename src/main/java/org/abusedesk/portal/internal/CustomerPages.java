package org.abusedesk.portal.internal;

import org.abusedesk.appeals.CustomerReviews;
import org.abusedesk.mitigations.Mitigations;

import org.abusedesk.identity.Customer;
import org.abusedesk.intake.Reports;
import org.abusedesk.transparency.CustomerStatements;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer's web pages: the same view and action as the customer API, for people.
 */
@Controller
class CustomerPages {

	private final Reports reports;

	private final Mitigations mitigations;

	private final CustomerReviews reviews;

	private final CustomerStatements statements;

	CustomerPages(Reports reports, Mitigations mitigations, CustomerReviews reviews, CustomerStatements statements) {
		this.reports = reports;
		this.mitigations = mitigations;
		this.reviews = reviews;
		this.statements = statements;
	}

	@GetMapping("/customer")
	String home(@AuthenticationPrincipal Customer customer, Model model) {
		model.addAttribute("account", customer.accountRef());
		model.addAttribute("mitigations",
				this.mitigations.ofAccount(customer.accountRef(), CustomerController.MAX_PAGE, Long.MAX_VALUE)
					.stream()
					.map((mitigation) -> CustomerController.CustomerMitigation.of(mitigation, this.statements))
					.toList());
		model.addAttribute("reports",
				this.reports.aboutAccount(customer.accountRef(), CustomerController.MAX_PAGE, Long.MAX_VALUE)
					.stream()
					.map(CustomerController.CustomerReport::of)
					.toList());
		return "customer/home";
	}

	@PostMapping("/customer/mitigations/{id}/review")
	String requestReview(@AuthenticationPrincipal Customer customer, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String comment) {
		if (!CustomerReviews.REASONS.contains(reason)) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Choose a reason.");
		}
		String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (text != null && text.length() > CustomerController.MAX_COMMENT) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "The comment is too long.");
		}
		this.reviews.request(customer.accountRef(), id, reason, text)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:/customer";
	}

}
