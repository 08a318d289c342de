package org.abusedesk.identity.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.*}: the tokens and demo accounts registered at start.
 *
 * @param adminToken the admin's staff token ({@code ABUSEDESK_ADMIN_TOKEN}); none when
 * empty
 * @param edgeToken the edge systems' staff token ({@code ABUSEDESK_EDGE_TOKEN}); none
 * when empty
 * @param demo whether this desk is the demo: a generated admin token and one console user
 * per role
 * @param demoPassword the demo users' password ({@code ABUSEDESK_DEMO_PASSWORD}); when
 * empty, one generated at the first start and kept in {@code dataDir}
 * @param dataDir where the desk keeps files of its own (the demo password)
 */
@ConfigurationProperties("abusedesk")
record IdentityProperties(String adminToken, String edgeToken, @DefaultValue("false") boolean demo, String demoPassword,
		@DefaultValue("./data") Path dataDir) {

	IdentityProperties {
		adminToken = (adminToken != null) ? adminToken : "";
		edgeToken = (edgeToken != null) ? edgeToken : "";
		demoPassword = (demoPassword != null) ? demoPassword : "";
	}

}
