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
 * Registers the edge systems' token given by {@code ABUSEDESK_EDGE_TOKEN}
 * ({@code abusedesk.edge-token}) for the user {@code edge} of role {@code edge}, which
 * may read the active mitigations and nothing else.
 */
@Component
class EdgeBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EdgeBootstrap.class);

	private final StaffTokens tokens;

	private final String edgeToken;

	EdgeBootstrap(StaffTokens tokens, @Value("${abusedesk.edge-token:}") String edgeToken) {
		this.tokens = tokens;
		this.edgeToken = edgeToken;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (StringUtils.hasText(this.edgeToken)) {
			this.tokens.issue("edge", Role.EDGE, "from ABUSEDESK_EDGE_TOKEN", this.edgeToken.trim());
			log.info("Edge token from ABUSEDESK_EDGE_TOKEN registered");
		}
	}

}
