package org.abusedesk.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * In the demo ({@code abusedesk.demo=true}), one console user per role, plus a second
 * reviewer to approve what the first proposes. All share the password from
 * {@code ABUSEDESK_DEMO_PASSWORD} ({@code abusedesk.demo-password}); without one, a
 * generated password is logged once.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.demo", havingValue = "true")
class DemoStaff implements ApplicationRunner {

	static final Map<String, Role> USERS = Map.of("agent", Role.AGENT, "reviewer", Role.REVIEWER, "reviewer2",
			Role.REVIEWER, "senior", Role.SENIOR, "legal", Role.LEGAL, "admin", Role.ADMIN);

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	private final StaffAccounts accounts;

	private final String password;

	DemoStaff(StaffAccounts accounts, @Value("${abusedesk.demo-password:}") String password) {
		this.accounts = accounts;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		String chosen = this.password.trim();
		if (!StringUtils.hasText(chosen)) {
			byte[] bytes = new byte[12];
			new SecureRandom().nextBytes(bytes);
			chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			log.warn("Demo console password for {} (shown once; set ABUSEDESK_DEMO_PASSWORD to choose it): {}",
					USERS.keySet(), chosen);
		}
		String all = chosen;
		USERS.forEach((name, role) -> this.accounts.create(name, role, all));
	}

}
