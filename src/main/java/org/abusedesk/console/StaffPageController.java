package org.abusedesk.console;

import java.util.Arrays;
import java.util.List;

import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccountException;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.identity.StaffMember;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of staff accounts (docs/console.md): list, add, disable and enable,
 * reset a password, issue and revoke tokens. Every step is a form posted with its CSRF
 * token and answered with a redirect; a token's secret is shown once, on the page the
 * redirect leads to. The security chain lets only admins in; each step checks again.
 */
@Controller
class StaffPageController {

	static final int PAGE = 50;

	private final StaffAccounts accounts;

	StaffPageController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/console/staff")
	String staff(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			Authentication authentication, Model model) {
		Actor me = admin(authentication);
		String prefix = blank(q);
		List<StaffMember> members = this.accounts.list(prefix, blank(after), PAGE + 1);
		model.addAttribute("me", me);
		model.addAttribute("q", prefix);
		model.addAttribute("members", members.subList(0, Math.min(PAGE, members.size())));
		model.addAttribute("next", (members.size() > PAGE) ? members.get(PAGE - 1).name() : null);
		model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::wire).toList());
		model.addAttribute("personRoles",
				Arrays.stream(Role.values()).filter((role) -> role != Role.EDGE).map(Role::wire).toList());
		model.addAttribute("minPassword", StaffAccounts.MIN_PASSWORD);
		model.addAttribute("maxDays", StaffAccounts.MAX_TOKEN_DAYS);
		return "console/staff";
	}

	@PostMapping("/console/staff")
	String add(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(required = false) String password, Authentication authentication,
			RedirectAttributes redirect) {
		Actor me = admin(authentication);
		String userName = (name != null) ? name.strip() : "";
		step(redirect, userName, () -> {
			Role chosen = Role.fromWire((role != null) ? role.strip() : "")
				.orElseThrow(() -> new StaffAccountException(StaffAccountException.Kind.INVALID, "role",
						"Choose one of the roles."));
			this.accounts.add(userName, chosen, password, me.audit());
			return userName + " added as " + chosen.wire() + ".";
		});
		return "redirect:/console/staff";
	}

	@PostMapping("/console/staff/{id}/disable")
	String disable(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		Actor me = admin(authentication);
		StaffMember member = member(id);
		step(redirect, member.name(), () -> {
			if (member.name().equals(me.name())) {
				throw new StaffAccountException(StaffAccountException.Kind.CONFLICT, "name",
						"You cannot disable yourself: ask another admin.");
			}
			this.accounts.disable(member.name(), me.audit());
			return member.name() + " is disabled: it cannot sign in and its tokens are refused.";
		});
		return "redirect:/console/staff";
	}

	@PostMapping("/console/staff/{id}/enable")
	String enable(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		Actor me = admin(authentication);
		StaffMember member = member(id);
		step(redirect, member.name(), () -> {
			this.accounts.enable(member.name(), me.audit());
			return member.name() + " is enabled.";
		});
		return "redirect:/console/staff";
	}

	@PostMapping("/console/staff/{id}/password")
	String password(@PathVariable long id, @RequestParam(required = false) String password,
			Authentication authentication, RedirectAttributes redirect) {
		Actor me = admin(authentication);
		StaffMember member = member(id);
		step(redirect, member.name(), () -> {
			this.accounts.changePassword(member.name(), password, me.audit());
			return "The password of " + member.name() + " is set.";
		});
		return "redirect:/console/staff";
	}

	@PostMapping("/console/staff/{id}/tokens")
	String issue(@PathVariable long id, @RequestParam(required = false) String label,
			@RequestParam(name = "expires_days", required = false) String expiresDays, Authentication authentication,
			RedirectAttributes redirect) {
		Actor me = admin(authentication);
		StaffMember member = member(id);
		step(redirect, member.name(), () -> {
			StaffMember.IssuedToken issued = this.accounts.issueToken(member.name(), member.role(), label,
					days(expiresDays), me.audit());
			// the secret lives in the session until the next page shows it, once
			redirect.addFlashAttribute("issuedToken", issued);
			return "Token " + issued.id() + " issued to " + member.name() + ".";
		});
		return "redirect:/console/staff";
	}

	@PostMapping("/console/staff/tokens/{id}/revoke")
	String revoke(@PathVariable long id, @RequestParam(required = false) String holder, Authentication authentication,
			RedirectAttributes redirect) {
		Actor me = admin(authentication);
		step(redirect, (holder != null) ? holder : "", () -> {
			this.accounts.revokeToken(id, me.audit());
			return "Token " + id + " is revoked.";
		});
		return "redirect:/console/staff";
	}

	private interface Step {

		String run();

	}

	/** Runs a step; refused input becomes a message on the page, which shows the user. */
	private static void step(RedirectAttributes redirect, String userName, Step step) {
		try {
			redirect.addFlashAttribute("message", step.run());
		}
		catch (StaffAccountException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		// a name no user can have is not shown again (nor put in the address)
		if (!userName.isBlank() && userName.length() <= StaffAccounts.MAX_NAME) {
			redirect.addAttribute("q", userName);
		}
	}

	private static Integer days(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new StaffAccountException(StaffAccountException.Kind.INVALID, "expires",
					"A token expires in 1 to " + StaffAccounts.MAX_TOKEN_DAYS + " days, or never (leave it empty).");
		}
	}

	private StaffMember member(long id) {
		return this.accounts.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No staff user " + id));
	}

	/** The chain admits admins only; this checks again, as case work does. */
	private static Actor admin(Authentication authentication) {
		Actor me = ConsoleActor.of(authentication);
		if (me.role() != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only admins manage staff accounts.");
		}
		return me;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
