package org.abusedesk.notifications;

import org.abusedesk.TestCatalog;
import java.time.Duration;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "Every decision keeps its promise": the reporter's and the owner's messages
 * speak for the service the reported property actually uses, and say that a report was
 * forwarded to a host or an owner only when that message was queued. Reports are filed
 * over HTTP; the messages are read from the outbox once the router decided them.
 */
class MessagesSpeakForTheServiceTests extends IntegrationTest {

	private static final String PROXY_WORDS = "pass-through";

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TestCatalog catalog;

	private String admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.catalog = TestCatalog.unique();
		this.admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
	}

	@Test
	void registrarReporterIsNotToldWeAreAPassThroughProxy() {
		String zone = account("registrar", "[\"registrar\"]", null);
		long reportId = file(zone, "send", "send");

		List<String> kinds = awaitDecisionMessages(reportId, 3);
		assertThat(kinds).containsExactly("notify_reporter", "notify_owner", "notify_reporter");
		String reporter = reporterBody(reportId);
		assertThat(reporter)
			.contains("We are the registrar of this domain. We do not host its content: that is with "
					+ "the site's hosting provider. Disputes over the domain name itself go through a domain dispute "
					+ "resolution process such as the Uniform Domain-Name Dispute-Resolution Policy (UDRP).")
			.contains("We forwarded it to the site's owner with your contact details.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("hosted by")
			.doesNotContain("also forwarded");
		assertThat(ownerBody(reportId))
			.contains("We received the following report about www." + zone
					+ ", whose domain is registered with us as its registrar. We have taken no action against your "
					+ "site; please review the report.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("forwarded to your hosting provider");
	}

	@Test
	void ownerIsNotToldOfAForwardThatDidNotHappen() {
		// proxied, but the origin's host has no abuse contact we know: nothing goes to a
		// host
		String zone = account("proxy", "[\"proxy\"]",
				"{\"address\": \"203.0.113.99\", \"host_name\": \"Unlisted Hosting\"}");
		long reportId = file(zone, "send", "send-anon");

		List<String> kinds = awaitDecisionMessages(reportId, 2);
		assertThat(kinds).containsExactly("notify_reporter", "notify_owner");
		assertThat(ruleOf(reportId)).isEqualTo("proxy.origin_host_unknown");
		assertThat(ownerBody(reportId))
			.contains("We received the following report about www." + zone
					+ ", for which we provide a pass-through security and performance service (proxy/CDN). We have "
					+ "taken no action against your site; please review the report.")
			.contains("The reporter asked us not to share their identity or contact details with you.")
			.doesNotContain("forwarded to your hosting provider")
			.doesNotContain("203.0.113.99")
			.doesNotContain(this.catalog.reporter());
	}

	@Test
	void dnsReporterIsToldOnlyOfTheOwnerWhenNoHostIsKnown() {
		String zone = account("dns", "[\"dns\"]", null);
		long reportId = file(zone, "send-anon", "send-anon");

		List<String> kinds = awaitDecisionMessages(reportId, 3);
		assertThat(kinds).containsExactly("notify_reporter", "notify_owner", "notify_reporter");
		assertThat(ruleOf(reportId)).isEqualTo("dns.forward");
		assertThat(reporterBody(reportId))
			.contains("We only answer DNS for this name. We do not host its content and cannot remove it.")
			.contains("We forwarded it to the site's owner without your contact details.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("hosted by")
			.doesNotContain("also forwarded");
		assertThat(ownerBody(reportId)).contains(", for which we answer DNS. We have taken no action")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("forwarded to your hosting provider");
	}

	@Test
	void resolverReporterIsNotToldTheOwnerWasNotified() {
		String zone = account("resolver", "[\"resolver\"]", null);
		long reportId = file(zone, "send", "send");

		List<String> kinds = awaitDecisionMessages(reportId, 2);
		assertThat(kinds).containsExactly("notify_reporter", "notify_reporter");
		assertThat(ruleOf(reportId)).isEqualTo("resolver.review");
		assertThat(reporterBody(reportId))
			.contains("We run a public DNS resolver, through which this name can be looked up. We do not host or "
					+ "control the site.")
			.doesNotContain(PROXY_WORDS)
			.doesNotContain("owner")
			.doesNotContain("forwarded");
	}

	@Test
	void proxiedReporterIsToldOfTheHostAndTheOwnerAsForwarded() {
		Api.Response imported = this.api.put("/api/v1/catalog", this.catalog.document(), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long reportId = file(this.catalog.proxiedZone(), "send-anon", "send");

		awaitDecisionMessages(reportId, 4);
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

	private long file(String zone, String host, String owner) {
		Api.Response created = this.api.post("/api/v1/reports/general", this.catalog.report("www." + zone, host, owner),
				null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/**
	 * Waits until the report is decided and its messages are queued (they commit with the
	 * decision); answers their kinds in the order queued.
	 */
	private List<String> awaitDecisionMessages(long reportId, int expected) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select status from report where id = :id")
				.param("id", reportId)
				.query(String.class)
				.single()
				.equals("accepted"));
		List<String> kinds = this.jdbc.sql("select kind from outbox_message where report_id = :id order by id")
			.param("id", reportId)
			.query(String.class)
			.list();
		assertThat(kinds).hasSize(expected);
		return kinds;
	}

	private String ruleOf(long reportId) {
		return this.jdbc.sql("select rule from decision where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

	private String reporterBody(long reportId) {
		return this.jdbc.sql("""
				select body from outbox_message
				where report_id = :id and kind = 'notify_reporter' and subject like 'Your report%'""")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

	private String ownerBody(long reportId) {
		return this.jdbc.sql("select body from outbox_message where report_id = :id and kind = 'notify_owner'")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

}
