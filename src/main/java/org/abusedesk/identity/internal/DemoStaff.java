package org.abusedesk.identity.internal;

import java.nio.file.Path;
import java.util.Map;

import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * In the demo ({@code abusedesk.demo=true}), one console user per role, plus a second
 * reviewer to approve what the first proposes. All share the password from
 * {@code ABUSEDESK_DEMO_PASSWORD} ({@code abusedesk.demo-password}); without one, a
 * password generated at the first start and kept in the data directory
 * ({@link DemoPassword}): shown once when generated, the same at every start after.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.demo", havingValue = "true")
class DemoStaff implements ApplicationRunner {

	static final Map<String, Role> USERS = Map.of("agent", Role.AGENT, "reviewer", Role.REVIEWER, "reviewer2",
			Role.REVIEWER, "senior", Role.SENIOR, "legal", Role.LEGAL, "admin", Role.ADMIN);

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	private final StaffAccounts accounts;

	private final String password;

	private final Path dataDirectory;

	private final Map<String, Role> users;

	@Autowired
	DemoStaff(StaffAccounts accounts, IdentityProperties properties) {
		this(accounts, properties.demoPassword(), properties.dataDir(), USERS);
	}

	DemoStaff(StaffAccounts accounts, String password, Path dataDirectory, Map<String, Role> users) {
		this.accounts = accounts;
		this.password = password;
		this.dataDirectory = dataDirectory;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		String chosen = this.password.trim();
		if (!StringUtils.hasText(chosen)) {
			DemoPassword.Kept kept = DemoPassword.keep(this.dataDirectory);
			chosen = kept.password();
			if (kept.generated()) {
				log.warn(
						"Demo console password for {} (shown once, kept in {}; "
								+ "set ABUSEDESK_DEMO_PASSWORD to choose it): {}",
						this.users.keySet(), kept.file(), chosen);
			}
			else {
				log.warn("Demo console password for {}: the one kept in {} (set ABUSEDESK_DEMO_PASSWORD to choose it)",
						this.users.keySet(), kept.file());
			}
		}
		String all = chosen;
		this.users.forEach((name, role) -> this.accounts.create(name, role, all));
	}

}
