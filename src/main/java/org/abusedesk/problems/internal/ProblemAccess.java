package org.abusedesk.problems.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;

import org.springframework.stereotype.Component;

/**
 * The error answer is anyone's: a request refused or failed anywhere is forwarded to
 * {@code /error}, and its caller must read why.
 */
@Component
class ProblemAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.anyone(null, "/error"));
	}

}
