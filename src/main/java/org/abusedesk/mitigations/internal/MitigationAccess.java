package org.abusedesk.mitigations.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may read the edge feed, the mitigations due for review, and lift or change one. */
@Component
class MitigationAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(
				// the edge systems, and admins looking at what the edge sees
				Access.only(Set.of(Role.EDGE, Role.ADMIN), HttpMethod.GET, "/api/v1/mitigations/active"),
				// protected mitigations: senior, legal, admin (StaffLifts checks)
				Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/mitigations/*/lift", "/api/v1/mitigations/*/end",
						"/api/v1/mitigations/*/extend", "/api/v1/mitigations/*/review"),
				Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/mitigations"));
	}

}
