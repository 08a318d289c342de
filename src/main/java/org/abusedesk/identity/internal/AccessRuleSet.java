package org.abusedesk.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The modules' access rules for one chain, in a fixed order (by the module's rules
 * class), refusing two rules for the same request: the first match would win silently, so
 * which module's rule held would depend on bean order.
 */
final class AccessRuleSet {

	private final List<Access> rules;

	private AccessRuleSet(List<Access> rules) {
		this.rules = rules;
	}

	static AccessRuleSet of(List<AccessRules> modules, Function<AccessRules, List<Access>> chain) {
		List<AccessRules> ordered = new ArrayList<>(modules);
		ordered.sort(Comparator.comparing((AccessRules rules) -> rules.getClass().getName()));
		List<Access> rules = new ArrayList<>();
		Map<String, String> claimed = new HashMap<>();
		for (AccessRules module : ordered) {
			for (Access access : chain.apply(module)) {
				for (String pattern : access.patterns()) {
					String request = ((access.method() != null) ? access.method().name() : "*") + " " + pattern;
					String earlier = claimed.putIfAbsent(request, module.getClass().getSimpleName());
					if (earlier != null) {
						throw new IllegalStateException(request + " has a rule in both " + earlier + " and "
								+ module.getClass().getSimpleName());
					}
				}
				rules.add(access);
			}
		}
		return new AccessRuleSet(List.copyOf(rules));
	}

	/** Adds the rules to a chain's authorisation; the caller closes the rest. */
	void applyTo(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		for (Access access : this.rules) {
			String[] patterns = access.patterns().toArray(String[]::new);
			var requests = (access.method() != null) ? authorize.requestMatchers(access.method(), patterns)
					: authorize.requestMatchers(patterns);
			if (access.open()) {
				requests.permitAll();
			}
			else {
				requests.hasAnyRole(access.roleNames());
			}
		}
	}

	List<Access> rules() {
		return this.rules;
	}

}
