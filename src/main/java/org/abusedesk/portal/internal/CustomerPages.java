package org.abusedesk.portal.internal;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.appeals.CustomerReviews;
import org.abusedesk.mitigations.Mitigations;

import java.util.List;

import org.abusedesk.identity.Customer;
import org.abusedesk.intake.Reports;
import org.abusedesk.transparency.CustomerStatements;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's web pages: the same view and action as the customer API, for people:
 * their properties, the reports about them (as far as each reporter allowed), the
 * mitigations with their exact targets, dates and statements of reasons, and the review,
 * appeal and counter-notice forms.
 */
@Controller
class CustomerPages {

	private final Reports reports;

	private final Mitigations mitigations;

	private final CustomerReviews reviews;

	private final CustomerStatements statements;

	private final JdbcClient jdbc;

	/** One of the customer's properties, as the catalog has it. */
	record CustomerProperty(String kind, String value, List<String> services) {
	}

	CustomerPages(Reports reports, Mitigations mitigations, CustomerReviews reviews, CustomerStatements statements,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.mitigations = mitigations;
		this.reviews = reviews;
		this.statements = statements;
	}

	@GetMapping("/customer")
	String home(@AuthenticationPrincipal Customer customer, Model model) {
		model.addAttribute("account", customer.accountRef());
		model.addAttribute("dates", new PublicDates());
		model.addAttribute("properties",
				this.jdbc.sql("""
						select p.kind, p.value, p.services from property p join account a on a.id = p.account_id
						where a.ref = :ref order by p.value limit 500""")
					.param("ref", customer.accountRef())
					.query((rs, n) -> new CustomerProperty(rs.getString("kind"), rs.getString("value"),
							List.of((String[]) rs.getArray("services").getArray())))
					.list());
		model.addAttribute("mitigations",
				CustomerController.CustomerMitigation.of(
						this.mitigations.ofAccount(customer.accountRef(), CustomerController.MAX_PAGE, Long.MAX_VALUE),
						this.statements));
		model.addAttribute("reports",
				this.reports.aboutAccount(customer.accountRef(), CustomerController.MAX_PAGE, Long.MAX_VALUE)
					.stream()
					.map(CustomerController.CustomerReport::of)
					.toList());
		return "customer/home";
	}

	@PostMapping("/customer/mitigations/{id}/review")
	String requestReview(@AuthenticationPrincipal Customer customer, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		// refused input is a message on the page, as the appeal and counter-notice forms
		// beside it say theirs; a mitigation the account does not have stays a 404
		AppealReason chosen = AppealReason.fromWire(reason).filter(CustomerReviews.REASONS::contains).orElse(null);
		String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (chosen == null) {
			redirect.addFlashAttribute("error", "Review request for mitigation " + id
					+ ": choose a reason, that you removed the content or that it is not what the report says.");
			return "redirect:/customer";
		}
		if (text != null && text.length() > CustomerController.MAX_COMMENT) {
			redirect.addFlashAttribute("error", "Review request for mitigation " + id + ": the comment has at most "
					+ CustomerController.MAX_COMMENT + " characters.");
			return "redirect:/customer";
		}
		boolean requested;
		try {
			requested = this.reviews.request(customer.accountRef(), id, chosen, text).isPresent();
		}
		catch (ResponseStatusException ex) {
			// a request the mitigation's state refuses (one already asked for)
			redirect.addFlashAttribute("error", "Review request for mitigation " + id + ": " + ex.getReason());
			return "redirect:/customer";
		}
		if (!requested) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + id);
		}
		redirect.addFlashAttribute("message",
				"Your review request for mitigation " + id + " is recorded; a person on our staff looks at it.");
		return "redirect:/customer";
	}

}
