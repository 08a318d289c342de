package org.abusedesk.notifications.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may read and write a case's correspondence, and read the outbox. */
@Component
class NotificationAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(
				Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/cases/*/correspondence",
						"/api/v1/cases/*/correspondence/templates"),
				Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/cases/*/correspondence"),
				Access.only(Role.ADMIN, HttpMethod.GET, "/api/v1/outbox"));
	}

}
