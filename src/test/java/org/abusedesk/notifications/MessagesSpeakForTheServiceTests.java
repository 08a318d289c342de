package org.abusedesk.notifications;

import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.DeskTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "Every decision keeps its promise": the reporter's and the owner's messages
 * speak for the service the reported property actually uses, and say that a report was
 * forwarded to a host or an owner only when that message was queued. Reports are filed
 * over HTTP; the messages are read from the outbox once the router decided them.
 */
class MessagesSpeakForTheServiceTests extends DeskTest {

	private static final String PROXY_WORDS = "pass-through";

	@Test
	void registrarReporterIsNotToldWeAreAPassThroughProxy() {
		Decided decided = decide(account("registrar", "[\"registrar\"]", null), "send", "send");

		assertThat(decided.kinds()).containsExactly("notify_reporter", "notify_owner", "notify_reporter");
		assertThat(reporterBody(decided.reportId()))
			.contains("We are the registrar of this domain. We do not host its content: that is with "
					+ "the site's hosting provider. Disputes over the domain name itself go through a domain dispute "
					+ "resolution process such as the Uniform Domain-Name Dispute-Resolution Policy (UDRP).")
			.contains("We forwarded it to the site's owner with your contact details.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("hosted by")
			.doesNotContain("also forwarded");
		assertThat(ownerBody(decided.reportId()))
			.contains("We received the following report about www." + decided.zone()
					+ ", whose domain is registered with us as its registrar. We have taken no action against your "
					+ "site; please review the report.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("forwarded to your hosting provider");
	}

	@Test
	void ownerIsNotToldOfAForwardThatDidNotHappen() {
		// proxied, but the origin's host has no abuse contact we know: nothing goes to a
		// host
		Decided decided = decide(
				account("proxy", "[\"proxy\"]", "{\"address\": \"203.0.113.99\", \"host_name\": \"Unlisted Hosting\"}"),
				"send", "send-anon");

		assertThat(decided.kinds()).containsExactly("notify_reporter", "notify_owner");
		assertThat(ruleOf(decided.reportId())).isEqualTo("proxy.origin_host_unknown");
		assertThat(ownerBody(decided.reportId()))
			.contains("We received the following report about www." + decided.zone()
					+ ", for which we provide a pass-through security and performance service (proxy/CDN). We have "
					+ "taken no action against your site; please review the report.")
			.contains("The reporter asked us not to share their identity or contact details with you.")
			.doesNotContain("forwarded to your hosting provider")
			.doesNotContain("203.0.113.99")
			.doesNotContain(this.catalog.reporter());
	}

	@Test
	void dnsReporterIsToldOnlyOfTheOwnerWhenNoHostIsKnown() {
		Decided decided = decide(account("dns", "[\"dns\"]", null), "send-anon", "send-anon");

		assertThat(decided.kinds()).containsExactly("notify_reporter", "notify_owner", "notify_reporter");
		assertThat(ruleOf(decided.reportId())).isEqualTo("dns.forward");
		assertThat(reporterBody(decided.reportId()))
			.contains("We only answer DNS for this name. We do not host its content and cannot remove it.")
			.contains("We forwarded it to the site's owner without your contact details.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("hosted by")
			.doesNotContain("also forwarded");
		assertThat(ownerBody(decided.reportId())).contains(", for which we answer DNS. We have taken no action")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("forwarded to your hosting provider");
	}

	@Test
	void resolverReporterIsNotToldTheOwnerWasNotified() {
		Decided decided = decide(account("resolver", "[\"resolver\"]", null), "send", "send");

		assertThat(decided.kinds()).containsExactly("notify_reporter", "notify_reporter");
		assertThat(ruleOf(decided.reportId())).isEqualTo("resolver.review");
		assertThat(reporterBody(decided.reportId()))
			.contains("We run a public DNS resolver, through which this name can be looked up. We do not host or "
					+ "control the site.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("owner")
			.doesNotContain("forwarded");
	}

	@Test
	void proxiedReporterIsToldOfTheHostAndTheOwnerAsForwarded() {
		Decided decided = decide(this.catalog.proxiedZone(), "send-anon", "send");

		assertThat(decided.kinds()).hasSize(4);
		long reportId = decided.reportId();
		assertThat(reporterBody(reportId))
			.contains("We provide a pass-through security and performance service (proxy/CDN) for this site. We "
					+ "do not host its content and cannot remove it.")
			.contains("The content is hosted by Origin Hosting " + this.catalog.id() + " (abuse contact: "
					+ this.catalog.originHost() + "). We forwarded your report to them without your contact details.")
			.contains("We also forwarded it to the site's owner with your contact details.")
			.doesNotContain("203.0.113.77");
		assertThat(ownerBody(reportId))
			.contains("It was also forwarded to your hosting provider, Origin Hosting " + this.catalog.id() + ".")
			.doesNotContain("203.0.113.77");
	}

	/** Imports an account of its own with one zone; answers the zone. */
	private String account(String kind, String services, String origin) {
		String zone = kind + "-" + this.catalog.id() + ".example";
		String document = """
				{"accounts": [
				  {"ref": "%1$s-%2$s", "name": "%1$s Customer %2$s", "abuse_contact": "%1$s-owner-%2$s@customer.example",
				   "at_risk": false, "status": "active",
				   "properties": [{"zone": "%3$s", "services": %4$s%5$s}]}
				]}"""
			.formatted(kind, this.catalog.id(), zone, services, (origin != null) ? ", \"origin\": " + origin : "");
		Api.Response imported = this.api.put("/api/v1/catalog", document, this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		return zone;
	}

	/**
	 * Files a general report about {@code www.<zone>} and waits until it is decided and
	 * its messages are queued (they commit with the decision).
	 */
	private Decided decide(String zone, String host, String owner) {
		long reportId = fileReport("general", this.catalog.report("www." + zone, host, owner)).get("id").asLong();
		awaitValue("accepted", "select status from report where id = ?", reportId);
		return new Decided(zone, reportId, outboxKinds(reportId));
	}

	/** A decided report and the kinds of its messages, in the order queued. */
	private record Decided(String zone, long reportId, List<String> kinds) {
	}

	private String ruleOf(long reportId) {
		return queryOne(String.class, "select rule from decision where report_id = ?", reportId);
	}

	private String reporterBody(long reportId) {
		return queryOne(String.class, """
				select body from outbox_message
				where report_id = ? and kind = 'notify_reporter' and subject like 'Your report%'""", reportId);
	}

	private String ownerBody(long reportId) {
		return queryOne(String.class, "select body from outbox_message where report_id = ? and kind = 'notify_owner'",
				reportId);
	}

}
