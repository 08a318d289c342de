package org.abusedesk.catalog.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's resolver index in step with changes made on other nodes: one cheap
 * query of catalog_revision every few seconds. Also loads the index right after startup.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CatalogPoller {

	private static final Logger log = LoggerFactory.getLogger(CatalogPoller.class);

	private final CatalogResolver resolver;

	CatalogPoller(CatalogResolver resolver) {
		this.resolver = resolver;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${abusedesk.catalog.poll-interval:PT5S}")
	void poll() {
		try {
			this.resolver.refresh();
		}
		catch (RuntimeException ex) {
			// keep serving the last good index; the next poll tries again
			log.warn("catalog index refresh failed: {}", ex.getMessage());
		}
	}

}
