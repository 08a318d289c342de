package org.abusedesk.campaigns.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may read the requests made against accounts (the pressure on at-risk customers).
 */
@Component
class CampaignAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List
			.of(Access.only(Set.of(Role.SENIOR, Role.LEGAL, Role.ADMIN), HttpMethod.GET, "/api/v1/authority-requests"));
	}

}
