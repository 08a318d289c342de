package org.abusedesk.identity.internal;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.AntPathMatcher;

/**
 * The security of the API in its OpenAPI document: one bearer scheme per kind of token (a
 * reporter's, a customer's, a staff member's), and on every operation the kind it takes.
 * The operations open to anyone come from the modules' {@link AccessRules}, the same
 * rules {@link SecurityConfiguration} builds its chain from; {@code OpenApiTests} checks
 * that the document and the chains agree.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDocumentation {

	static final String REPORTER = "reporterToken";

	static final String CUSTOMER = "customerToken";

	static final String STAFF = "staffToken";

	static final String SESSION = "staffSession";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/** Anyone, and a reporter token when the reporter has one. */
	private static final Set<String> REPORTER_OPTIONAL = Set.of("POST /api/v1/reports/{type}");

	private static final Set<String> REPORTER_ONLY = Set.of("POST /api/v1/reports:batch");

	@Bean
	@Order(0)
	OpenApiCustomizer tokenSchemes(List<AccessRules> modules) {
		List<Access> open = AccessRuleSet.of(modules, AccessRules::api).rules().stream().filter(Access::open).toList();
		return (api) -> document(api, open);
	}

	/**
	 * @param open the modules' rules for anyone (the status, appeal and action-filed
	 * operations prove the status secret)
	 */
	static void document(OpenAPI api, List<Access> open) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(REPORTER, bearer("A reporter token, issued by an admin (POST /api/v1/reporter-tokens) "
					+ "to a trusted flagger, a rights holder's agent, an authority or an automated feed. Optional "
					+ "for a single report (it vouches for the reporter's kind and raises their limits), "
					+ "required for batches."))
			.addSecuritySchemes(CUSTOMER, bearer("A customer token, issued by an admin "
					+ "(POST /api/v1/customer-tokens) for one account: the customer API under /api/v1/customer/ "
					+ "and nothing else."))
			.addSecuritySchemes(STAFF, bearer("A staff token (console: Staff, or `abusedesk staff token`). It "
					+ "carries one role: agent, reviewer, senior, legal or admin; or edge, for the edge systems' "
					+ "mitigation feed only. The README's API table says which roles may call what."))
			.addSecuritySchemes(SESSION,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.COOKIE)
						.name("JSESSIONID")
						.description("The console's session, after signing in at /login (the few console "
								+ "operations listed here, such as an evidence file, are for the console's pages)."));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> operation.setSecurity(security(path, method, open))));
	}

	private static List<SecurityRequirement> security(String path, PathItem.HttpMethod method, List<Access> open) {
		String key = method.name() + " " + path;
		if (REPORTER_OPTIONAL.contains(key)) {
			return List.of(new SecurityRequirement(), new SecurityRequirement().addList(REPORTER));
		}
		if (REPORTER_ONLY.contains(key)) {
			return List.of(new SecurityRequirement().addList(REPORTER));
		}
		if (open(open, method.name(), path)) {
			return List.of();
		}
		if (path.startsWith("/console/")) {
			return List.of(new SecurityRequirement().addList(SESSION));
		}
		if (path.startsWith("/api/v1/customer/")) {
			return List.of(new SecurityRequirement().addList(CUSTOMER));
		}
		return List.of(new SecurityRequirement().addList(STAFF));
	}

	/**
	 * Whether a rule for anyone covers the operation (each path variable one segment).
	 */
	private static boolean open(List<Access> open, String method, String path) {
		String concrete = path.replaceAll("\\{[^}/]+}", "x");
		return open.stream()
			.filter((access) -> access.method() == null || access.method().name().equals(method))
			.anyMatch((access) -> access.patterns().stream().anyMatch((pattern) -> PATHS.match(pattern, concrete)));
	}

	private static SecurityScheme bearer(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(description);
	}

}
