package org.abusedesk.identity.internal;

import org.abusedesk.access.Role;
import org.abusedesk.identity.internal.StaffTokenStore.Bootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Registers the admin token given by {@code ABUSEDESK_ADMIN_TOKEN}
 * ({@code abusedesk.admin-token}); in the demo ({@code abusedesk.demo=true}) without one,
 * generates a token and prints it once. Either way the token of the previous value (or
 * the previous demo token) is revoked: rotating the variable revokes the old token. With
 * neither, the tokens registered before are left as they are (revoke them with
 * {@code DELETE /api/v1/staff-tokens/{id}}).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final StaffTokenStore tokens;

	private final String adminToken;

	private final boolean demo;

	@Autowired
	AdminBootstrap(StaffTokenStore tokens, IdentityProperties properties) {
		this(tokens, properties.adminToken(), properties.demo());
	}

	AdminBootstrap(StaffTokenStore tokens, String adminToken, boolean demo) {
		this.tokens = tokens;
		this.adminToken = adminToken;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.adminToken)) {
			StaffTokenStore.Registered registered = this.tokens.registerBootstrap("admin", Role.ADMIN, Bootstrap.ADMIN,
					"from ABUSEDESK_ADMIN_TOKEN", this.adminToken.trim());
			report(registered, "ABUSEDESK_ADMIN_TOKEN");
		}
		else if (this.demo) {
			StaffTokenStore.Registered registered = this.tokens.registerBootstrap("admin", Role.ADMIN, Bootstrap.ADMIN,
					"demo", null);
			log.warn("Demo admin token (shown once; set ABUSEDESK_ADMIN_TOKEN to choose it): {}", registered.secret());
			report(registered, "the demo");
		}
	}

	static void report(StaffTokenStore.Registered registered, String source) {
		if (!registered.live()) {
			log.error("The token from {} was revoked before and stays revoked: choose a new value", source);
		}
		else {
			log.info("Token from {} registered (staff token {})", source, registered.id());
		}
		if (!registered.revoked().isEmpty()) {
			log.warn("Revoked the staff token(s) {} of the previous value of {}", registered.revoked(), source);
		}
	}

}
