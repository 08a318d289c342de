package org.abusedesk.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.abusedesk.identity.internal.SignInThrottle.Scope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customers sign in to their web pages with their customer token; the session then
 * carries the account, under a new session id (no fixation), and the token's id (so that
 * revoking the token ends the session). Failed attempts are throttled per address.
 */
@Controller
class CustomerSignIn {

	private final CustomerTokenStore tokens;

	private final SignInThrottle throttle;

	static final String INVALID = "This token is not valid. Ask your provider for a new one.";

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	CustomerSignIn(CustomerTokenStore tokens, SignInThrottle throttle) {
		this.tokens = tokens;
		this.throttle = throttle;
	}

	@GetMapping("/customer/sign-in")
	String form() {
		return "customer/sign-in";
	}

	@PostMapping("/customer/sign-in")
	String signIn(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// a token names no account: throttled per address only
		Optional<Duration> refusal = this.throttle.attempt(Scope.CUSTOMER, null, request.getRemoteAddr());
		if (refusal.isPresent()) {
			long minutes = (refusal.get().toSeconds() + 59) / 60;
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.get().toSeconds()));
			model.addAttribute("error", INVALID + " Too many attempts: try again in " + minutes
					+ ((minutes == 1) ? " minute." : " minutes."));
			return "customer/sign-in";
		}
		var signedIn = this.tokens.signIn(token.trim());
		if (signedIn.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("error", INVALID);
			return "customer/sign-in";
		}
		this.throttle.succeeded(Scope.CUSTOMER, null, request.getRemoteAddr());
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		UsernamePasswordAuthenticationToken authentication = new UsernamePasswordAuthenticationToken(
				signedIn.get().customer(), null, List.of(new SimpleGrantedAuthority("ROLE_customer")));
		// the token's id, so that revoking the token ends this session
		authentication.setDetails(new CustomerSessionGuard.TokenId(signedIn.get().tokenId()));
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return "redirect:/customer";
	}

}
