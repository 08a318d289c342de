package org.abusedesk.catalog.internal;

import org.abusedesk.catalog.CatalogImport;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/catalog}: applies a catalog document (docs/catalog-format.md). For
 * administrators only (see the identity module's security configuration).
 */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

	private final CatalogImport catalogImport;

	CatalogController(CatalogImport catalogImport) {
		this.catalogImport = catalogImport;
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CatalogImport.Result apply(@RequestBody String document) {
		return this.catalogImport.apply(document);
	}

}
