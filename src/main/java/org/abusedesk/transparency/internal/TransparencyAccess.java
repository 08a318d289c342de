package org.abusedesk.transparency.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may read the transparency report and the statements the database refused. */
@Component
class TransparencyAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/transparency/report",
				"/api/v1/transparency/statements/refused"));
	}

}
