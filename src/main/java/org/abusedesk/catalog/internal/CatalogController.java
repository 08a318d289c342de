package org.abusedesk.catalog.internal;

import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/catalog}: applies a catalog document (docs/catalog-format.md). For
 * administrators only; the security configuration must require the {@code admin} role.
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

	// TODO replace with the shared problem-details handler once org.abusedesk.problems
	// has one
	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"the catalog document cannot be read");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

}
