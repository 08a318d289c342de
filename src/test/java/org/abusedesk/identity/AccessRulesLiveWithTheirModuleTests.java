package org.abusedesk.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module's security rules stand next to it (issue 20): every endpoint of the API and
 * every console page is opened by exactly one rule, and that rule belongs to the module
 * whose controller serves it. The customer's pages and API are the customer chain's whole
 * ({@code /customer/**}, {@code /api/v1/customer/**}), not rules.
 */
class AccessRulesLiveWithTheirModuleTests extends IntegrationTest {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Autowired
	private ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointIsOpenedByOneRuleOfItsOwnModule() {
		Map<String, AccessRules> modules = this.context.getBeansOfType(AccessRules.class);
		List<String> checked = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			Class<?> controller = mapping.getValue().getBeanType();
			if (!controller.getName().startsWith("org.abusedesk.")) {
				continue;
			}
			for (String path : mapping.getKey().getPatternValues()) {
				if (path.startsWith("/customer") || path.startsWith("/api/v1/customer/")
						|| !(path.startsWith("/api/") || path.startsWith("/console") || path.equals("/error"))) {
					continue;
				}
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					String request = method.name() + " " + path;
					List<String> owners = owners(modules, method.name(), path);
					checked.add(request);
					if (!owners.equals(List.of(module(controller)))) {
						wrong.add(request + " served by " + module(controller) + ", opened by " + owners);
					}
				}
			}
		}
		assertThat(checked).hasSizeGreaterThan(90);
		assertThat(wrong).isEmpty();
	}

	private static List<String> owners(Map<String, AccessRules> modules, String method, String path) {
		String concrete = path.replaceAll("\\{[^}/]+}", "x");
		List<String> owners = new ArrayList<>();
		for (AccessRules rules : modules.values()) {
			List<Access> all = new ArrayList<>(rules.api());
			all.addAll(rules.console());
			boolean opens = all.stream()
				.filter((access) -> access.method() == null || access.method().name().equals(method))
				.anyMatch((access) -> access.patterns().stream().anyMatch((pattern) -> PATHS.match(pattern, concrete)));
			if (opens) {
				owners.add(module(AopUtils.getTargetClass(rules)));
			}
		}
		return owners;
	}

	/** The module a class belongs to: the package right below {@code org.abusedesk}. */
	private static String module(Class<?> type) {
		return type.getName().substring("org.abusedesk.".length()).split("\\.")[0];
	}

}
