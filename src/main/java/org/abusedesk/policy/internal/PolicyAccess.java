package org.abusedesk.policy.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may read the policy in force. */
@Component
class PolicyAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/policy"));
	}

}
