package org.abusedesk.referrals.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may refer a case and read the referrals made. */
@Component
class ReferralAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/cases/*/referrals"),
				Access.only(Set.of(Role.LEGAL, Role.ADMIN), HttpMethod.GET, "/api/v1/referrals"));
	}

}
