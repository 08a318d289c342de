package org.abusedesk.appeals.internal;

import java.util.stream.Collectors;

import org.abusedesk.identity.Customer;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's appeal and DMCA counter-notice from their web page: the same filing as
 * the customer API, as forms (CSRF token, post/redirect/get), with what happened or what
 * is missing as a message on the page. Another account's mitigation is a 404.
 */
@Controller
class CustomerRedressPages {

	private final AppealFiling filing;

	private final CounterNotices counterNotices;

	CustomerRedressPages(AppealFiling filing, CounterNotices counterNotices) {
		this.filing = filing;
		this.counterNotices = counterNotices;
	}

	@PostMapping("/customer/mitigations/{id}/appeal")
	String appeal(@AuthenticationPrincipal Customer customer, @PathVariable long id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String statement,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		step(redirect, () -> {
			Appeal appeal = this.filing.customerAppeal(customer.accountRef(), id,
					new AppealForm(reason, statement, evidence));
			return "Your appeal " + appeal.id() + " of mitigation " + id
					+ " is filed. A person who did not take the decision reviews it; the mitigation stays as it is until then.";
		});
		return "redirect:/customer";
	}

	@PostMapping("/customer/mitigations/{id}/counter-notice")
	String counterNotice(@AuthenticationPrincipal Customer customer, @PathVariable long id,
			@RequestParam(required = false) String signature, @RequestParam(required = false) String material,
			@RequestParam(required = false) String location,
			@RequestParam(name = "statement_under_penalty_of_perjury", required = false) String perjury,
			@RequestParam(required = false) String name, @RequestParam(required = false) String address,
			@RequestParam(required = false) String phone,
			@RequestParam(name = "consent_to_jurisdiction", required = false) String consent,
			RedirectAttributes redirect) {
		step(redirect, () -> {
			CounterNotice notice = this.counterNotices.file(customer.accountRef(), id, new CounterNoticeForm(signature,
					material, location, "true".equals(perjury), name, address, phone, "true".equals(consent)));
			return "Your counter-notice " + notice.id() + " is filed. The material is restored after "
					+ notice.restoreAt() + " unless the complainant tells us they filed a court action.";
		});
		return "redirect:/customer";
	}

	private interface Step {

		String run();

	}

	private static void step(RedirectAttributes redirect, Step step) {
		try {
			redirect.addFlashAttribute("message", step.run());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error",
					ex.errors()
						.stream()
						.map((e) -> e.field().replace('_', ' ') + ": " + e.message())
						.collect(Collectors.joining(" ")));
		}
		catch (ResponseStatusException ex) {
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getReason());
		}
	}

}
