package org.abusedesk.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.abusedesk.catalog.CatalogImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * With {@code abusedesk.demo=true}, applies the demo catalog (demo-catalog.json) at
 * startup. Imports are idempotent, so restarts leave it as it is.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.demo", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	static final String RESOURCE = "demo-catalog.json";

	private final CatalogImport catalogImport;

	DemoCatalog(CatalogImport catalogImport) {
		this.catalogImport = catalogImport;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String document;
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		CatalogImport.Result result = this.catalogImport.apply(document);
		log.info("demo catalog: {} accounts, {} properties", result.accountsApplied(), result.propertiesApplied());
	}

}
