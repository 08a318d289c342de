package org.abusedesk.mailbox.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may sort the mail held for a type and release quarantined mail. */
@Component
class MailboxAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(
				Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/intake/quarantine", "/api/v1/intake/quarantine/*",
						"/api/v1/intake/unclear"),
				Access.only(Access.STAFF, HttpMethod.POST, "/api/v1/intake/unclear/*",
						"/api/v1/intake/quarantine/*/release"));
	}

}
