package org.abusedesk.console;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A role for every console page and form (docs/console.md). The case-work API checks the
 * roles of actions again.
 */
@Component
class ConsoleAccess implements AccessRules {

	private static final Set<Role> POLICY_MAKERS = Set.of(Role.SENIOR, Role.LEGAL, Role.ADMIN);

	@Override
	public List<Access> console() {
		return List.of(
				// the sign-in page and what it is drawn with
				Access.anyone(HttpMethod.GET, "/login", "/webjars/**", "/console-assets/**"),
				Access.only(Access.STAFF, HttpMethod.GET, "/console", "/console/cases/*", "/console/evidence/*",
						"/console/appeals"),
				// search and each user's own saved searches
				Access.only(Access.STAFF, HttpMethod.GET, "/console/search"),
				Access.only(Access.STAFF, HttpMethod.POST, "/console/searches", "/console/searches/*/delete"),
				// agents triage and annotate
				Access.only(Access.STAFF, HttpMethod.POST, "/console/cases/*/notes", "/console/cases/*/escalate"),
				// the transparency report and its downloads (issue #14)
				Access.only(Access.STAFF, HttpMethod.GET, "/console/transparency", "/console/transparency/report"),
				// the mailbox's triage and quarantine: the API allows staff too
				Access.only(Access.STAFF, HttpMethod.GET, "/console/mailbox", "/console/mailbox/unclear/*",
						"/console/mailbox/quarantine", "/console/mailbox/quarantine/*",
						"/console/mailbox/quarantine/*/original"),
				Access.only(Access.STAFF, HttpMethod.POST, "/console/mailbox/unclear/*",
						"/console/mailbox/quarantine/*/release"),
				// staff accounts and their tokens
				Access.only(Role.ADMIN, HttpMethod.GET, "/console/staff"),
				Access.only(Role.ADMIN, HttpMethod.POST, "/console/staff", "/console/staff/*/disable",
						"/console/staff/*/enable", "/console/staff/*/password", "/console/staff/*/tokens",
						"/console/staff/tokens/*/revoke"),
				// the pages for the rest of the work (issue 17)
				Access.only(Access.STAFF, HttpMethod.GET, "/console/mitigations", "/console/mitigations/*",
						"/console/emergencies", "/console/dashboard", "/console/policy", "/console/cases/*/write"),
				Access.only(Access.DECIDERS, HttpMethod.POST, "/console/mitigations/*/lift",
						"/console/mitigations/*/extend", "/console/mitigations/*/review",
						"/console/emergencies/*/answer", "/console/cases/*/write"),
				// a backtest replays every decision since a date: the roles that change
				// policy
				Access.only(POLICY_MAKERS, HttpMethod.POST, "/console/policy/backtest"),
				// the pressure on an account (issue 15), as /api/v1/authority-requests
				Access.only(POLICY_MAKERS, HttpMethod.GET, "/console/accounts/*"),
				Access.only(Set.of(Role.REVIEWER, Role.SENIOR, Role.ADMIN), HttpMethod.POST,
						"/console/cases/*/emergency"),
				Access.only(Access.DECIDERS, HttpMethod.POST, "/console/cases/*/claim", "/console/cases/*/release",
						"/console/cases/*/accept", "/console/cases/*/change", "/console/cases/*/deny",
						"/console/cases/*/approval", "/console/cases/*/link", "/console/cases/*/merge", "/console/bulk",
						"/console/appeals/*/decision"));
	}

}
