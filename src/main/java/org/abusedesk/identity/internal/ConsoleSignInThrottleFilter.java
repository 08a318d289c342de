package org.abusedesk.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.abusedesk.identity.internal.SignInThrottle.Scope;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the console's password sign-in ({@code POST /login}) per account name and per
 * client address: a throttled attempt is answered 429 with {@code Retry-After} and the
 * same message whether the account exists or not, and its password is not checked.
 */
final class ConsoleSignInThrottleFilter extends OncePerRequestFilter {

	static final String WRONG = "Wrong name or password.";

	private final SignInThrottle throttle;

	ConsoleSignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> refusal = this.throttle.attempt(Scope.CONSOLE, username(request), request.getRemoteAddr());
		if (refusal.isPresent()) {
			refuse(response, refusal.get());
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Forgets the attempt's failure, tells {@code signedIn} who signed in, then goes to
	 * the console.
	 */
	AuthenticationSuccessHandler successHandler(BiConsumer<HttpServletRequest, String> signedIn) {
		SimpleUrlAuthenticationSuccessHandler next = new SimpleUrlAuthenticationSuccessHandler("/console");
		next.setAlwaysUseDefaultTargetUrl(true);
		return (request, response, authentication) -> {
			this.throttle.succeeded(Scope.CONSOLE, username(request), request.getRemoteAddr());
			signedIn.accept(request, authentication.getName());
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** The failure was counted when the attempt began. */
	AuthenticationFailureHandler failureHandler() {
		return new SimpleUrlAuthenticationFailureHandler("/login?error");
	}

	private static String username(HttpServletRequest request) {
		String name = request.getParameter("username");
		return (name != null) ? name : "";
	}

	private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
		long minutes = (wait.toSeconds() + 59) / 60;
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream()
			.write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>"
					+ "<link rel=\"stylesheet\" href=\"/console-assets/console.css\"></head><body><main>"
					+ "<h1>Sign in</h1><p class=\"error\" id=\"error\" role=\"alert\">" + WRONG
					+ " Too many attempts: try again in " + minutes + ((minutes == 1) ? " minute" : " minutes")
					+ ".</p><p><a href=\"/login\">Sign in</a></p></main></body></html>\n")
				.getBytes(StandardCharsets.UTF_8));
	}

}
