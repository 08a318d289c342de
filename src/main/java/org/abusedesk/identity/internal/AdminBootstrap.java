package org.abusedesk.identity.internal;

import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Registers the admin token given by {@code ABUSEDESK_ADMIN_TOKEN}
 * ({@code abusedesk.admin-token}); in the demo ({@code abusedesk.demo=true}) without one,
 * generates a token and prints it once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final StaffTokens tokens;

	private final String adminToken;

	private final boolean demo;

	AdminBootstrap(StaffTokens tokens, @Value("${abusedesk.admin-token:}") String adminToken,
			@Value("${abusedesk.demo:false}") boolean demo) {
		this.tokens = tokens;
		this.adminToken = adminToken;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.adminToken)) {
			this.tokens.issue("admin", Role.ADMIN, "from ABUSEDESK_ADMIN_TOKEN", this.adminToken.trim());
			log.info("Admin token from ABUSEDESK_ADMIN_TOKEN registered");
		}
		else if (this.demo) {
			String token = this.tokens.issue("admin", Role.ADMIN, "demo", null);
			log.warn("Demo admin token (shown once; set ABUSEDESK_ADMIN_TOKEN to choose it): {}", token);
		}
	}

}
