package org.abusedesk.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One line of a module's access rules: who may send which requests. A module states its
 * own (an {@link AccessRules} bean next to its controllers); {@code identity} builds the
 * security chains from them and closes everything no rule names.
 *
 * @param method the HTTP method, or {@code null} for every method
 * @param patterns the paths, as Spring's path patterns ({@code *} is one segment)
 * @param roles the staff roles that may send them; empty for anyone (the rule must then
 * say why in a comment: only the report, its status and what its secret proves are open)
 */
public record Access(HttpMethod method, List<String> patterns, Set<Role> roles) {

	/** Every person on the staff: agents, reviewers, seniors, legal and admins. */
	public static final Set<Role> STAFF = EnumSet.of(Role.AGENT, Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN);

	/** Who may change a case: the staff but agents, who triage and annotate. */
	public static final Set<Role> DECIDERS = EnumSet.of(Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN);

	public Access {
		patterns = List.copyOf(patterns);
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		if (patterns.isEmpty()) {
			throw new IllegalArgumentException("an access rule names at least one path");
		}
	}

	/** Requests anyone may send, signed in or not. */
	public static Access anyone(HttpMethod method, String... patterns) {
		return new Access(method, List.of(patterns), Set.of());
	}

	/** Requests only {@code roles} may send. */
	public static Access only(Set<Role> roles, HttpMethod method, String... patterns) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("a closed rule names at least one role");
		}
		return new Access(method, List.of(patterns), roles);
	}

	/** Requests only {@code roles} may send. */
	public static Access only(Role first, HttpMethod method, String... patterns) {
		return only(EnumSet.of(first), method, patterns);
	}

	/** Whether anyone may send these requests. */
	public boolean open() {
		return this.roles.isEmpty();
	}

	/** The roles as Spring Security role names (their wire values), sorted. */
	public String[] roleNames() {
		return this.roles.stream().map(Role::wire).sorted().toArray(String[]::new);
	}

}
