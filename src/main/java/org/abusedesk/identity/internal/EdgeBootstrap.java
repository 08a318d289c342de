package org.abusedesk.identity.internal;

import org.abusedesk.access.Role;
import org.abusedesk.identity.internal.StaffTokenStore.Bootstrap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Registers the edge systems' token given by {@code ABUSEDESK_EDGE_TOKEN}
 * ({@code abusedesk.edge-token}) for the user {@code edge} of role {@code edge}, which
 * may read the active mitigations and nothing else. The token of the previous value is
 * revoked: rotating the variable revokes the old token.
 */
@Component
class EdgeBootstrap implements ApplicationRunner {

	private final StaffTokenStore tokens;

	private final String edgeToken;

	@Autowired
	EdgeBootstrap(StaffTokenStore tokens, IdentityProperties properties) {
		this(tokens, properties.edgeToken());
	}

	EdgeBootstrap(StaffTokenStore tokens, String edgeToken) {
		this.tokens = tokens;
		this.edgeToken = edgeToken;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.edgeToken)) {
			AdminBootstrap.report(this.tokens.registerBootstrap("edge", Role.EDGE, Bootstrap.EDGE,
					"from ABUSEDESK_EDGE_TOKEN", this.edgeToken.trim()), "ABUSEDESK_EDGE_TOKEN");
		}
	}

}
