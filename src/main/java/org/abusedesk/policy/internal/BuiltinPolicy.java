package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.Review;
import org.abusedesk.policy.ResponsePlan;

import org.springframework.stereotype.Component;

/**
 * The first policy, written as code in this one place until the policy document replaces
 * it. A pure function of the facts.
 */
@Component
class BuiltinPolicy {

	static final String VERSION = "builtin-1";

	private static final List<NotificationKind> FORWARD = List.of(NotificationKind.FORWARD_TO_HOST,
			NotificationKind.NOTIFY_OWNER, NotificationKind.NOTIFY_REPORTER);

	ResponsePlan evaluate(DecisionFacts facts) {
		boolean phishing = "phishing".equals(facts.reportType());
		String priority = phishing ? "p2" : "p3";
		Duration due = phishing ? Duration.ofHours(24) : Duration.ofHours(72);
		Review review = facts.accountAtRisk() ? Review.SENIOR : Review.ONE;
		return switch (facts.service()) {
			case PROXY -> facts.originHostKnown() ? new ResponsePlan(VERSION, "proxy.forward", FORWARD, Review.NONE,
					priority, due,
					"We provide a pass-through security and performance service for this site and do not host its "
							+ "content, so we cannot remove it. We forwarded the report to the hosting provider of "
							+ "the site and to its owner, and told the reporter who the hosting provider is.")
					: new ResponsePlan(VERSION, "proxy.origin_host_unknown", List.of(NotificationKind.NOTIFY_OWNER),
							review, priority, due,
							"We provide a pass-through service for this site and do not host its content. We do "
									+ "not know the hosting provider of its origin, so we told the owner and a "
									+ "person will find the host to forward the report to.");
			case HOSTING -> new ResponsePlan(VERSION, "hosting.review", List.of(), review, priority, due,
					"We host this content. A reviewer will assess the report against our policy and the law "
							+ "before anything is done; the customer will be told of any action and can contest it.");
			case REGISTRAR, DNS, RESOLVER ->
				new ResponsePlan(VERSION, facts.service().wire() + ".review", List.of(), review, priority, due,
						"We provide " + describe(facts.service()) + " for this name and do not host its content. "
								+ "A person will review the report under our " + facts.service().wire() + " process.");
		};
	}

	private static String describe(Service service) {
		return switch (service) {
			case REGISTRAR -> "domain registration";
			case DNS -> "authoritative DNS";
			case RESOLVER -> "a public DNS resolver";
			default -> service.wire();
		};
	}

}
