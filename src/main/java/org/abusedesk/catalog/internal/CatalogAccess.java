package org.abusedesk.catalog.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may replace the catalog. */
@Component
class CatalogAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.only(Role.ADMIN, HttpMethod.PUT, "/api/v1/catalog"));
	}

}
