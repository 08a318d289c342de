package org.abusedesk.console;

import org.abusedesk.campaigns.AccountPressure;
import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pressure on one account (issue 15): the requests of authorities per country and
 * kind, and the campaigns flagged on its cases. For seniors, legal and admins, as the
 * counts are in the API; the case page links here.
 */
@Controller
class AccountPageController {

	static final Role[] READERS = { Role.SENIOR, Role.LEGAL, Role.ADMIN };

	private final AccountPressure pressure;

	AccountPageController(AccountPressure pressure) {
		this.pressure = pressure;
	}

	@GetMapping("/console/accounts/{ref}")
	String show(@PathVariable String ref, Authentication authentication, Model model) {
		Actor me = ConsoleActor.of(authentication);
		if (!me.isAny(READERS)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Seniors, legal and admins see this page.");
		}
		if (ref.length() > 200) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account.");
		}
		model.addAttribute("me", me);
		model.addAttribute("pressure", this.pressure.of(ref));
		return "console/account";
	}

}
