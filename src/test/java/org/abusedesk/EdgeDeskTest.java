package org.abusedesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.access.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running desk ({@link DeskTest}) whose tests act on cases and read what the edge is
 * told: an edge token, reports to file, staff to decide, the edge feed to read.
 */
public abstract class EdgeDeskTest extends DeskTest {

	@Autowired
	protected CaseWork work;

	@Autowired
	protected AuditLog audit;

	protected String edge;

	/**
	 * Where the edge feed stood when the test began: every change of its cases follows.
	 */
	private long opened;

	@BeforeEach
	public void issueEdgeToken() {
		this.edge = this.tokens.issue("edge-" + this.catalog.id(), Role.EDGE, "test", null);
		this.opened = changeCursor();
	}

	/** Two reviewers propose and approve {@code mitigation} on the case at once. */
	protected void actNow(long caseId, ProposedMitigation mitigation) {
		assertThat(this.work.change(caseId, reviewer("proposer"), List.of(mitigation), "Confirmed; act now.").status())
			.isEqualTo(CaseStatus.AWAITING_APPROVAL);
		assertThat(this.work.answer(caseId, reviewer("approver"), true, "Agreed.").status())
			.isEqualTo(CaseStatus.ACTIONED);
	}

	/**
	 * Two reviewers put a mitigation of {@code type} on the reported URLs of the case at
	 * once, in {@code territorialScope} (none: everywhere), without expiry.
	 */
	protected void actNow(long caseId, MitigationType type, String... territorialScope) {
		actNow(caseId, new ProposedMitigation(type, EntityType.URL_PATTERN, List.of(territorialScope), Duration.ZERO,
				null, null));
	}

	/**
	 * Files a report over HTTP and acts on its case at once ({@link #actNow}); the case.
	 */
	protected long fileAndActNow(String type, String body, MitigationType mitigation, String... territorialScope) {
		long caseId = fileAndAwaitCase(type, body);
		actNow(caseId, mitigation, territorialScope);
		return caseId;
	}

	/**
	 * Files a phishing report about {@code path} on the hosted customer's blog, puts a
	 * phishing interstitial on it at once, and answers the interstitial's id.
	 */
	protected long activeInterstitial(String path) {
		long caseId = fileAndActNow("phishing", phishing("blog." + this.catalog.hostedZone(), path),
				MitigationType.PHISHING_INTERSTITIAL);
		return latest(caseId).get(0).get("id").asLong();
	}

	/**
	 * On the hosted customer's blog: a phishing case with an active interstitial on
	 * {@code /login.php} and a legal order case with an active legal block in DE on
	 * {@code /banned.html}.
	 */
	protected Enforced interstitialAndLegalBlock() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndActNow("phishing", phishing(host, "/login.php"),
				MitigationType.PHISHING_INTERSTITIAL);
		long orderCase = fileAndActNow("legal_order", legalOrder(host, "/banned.html"), MitigationType.LEGAL_BLOCK,
				"DE");
		return new Enforced(phishingCase, latest(phishingCase).get(0), orderCase, latest(orderCase).get(0));
	}

	/** Two cases and their mitigations as the edge feed first had them. */
	protected record Enforced(long phishingCase, JsonNode interstitial, long orderCase, JsonNode legalBlock) {

		public long interstitialId() {
			return this.interstitial.get("id").asLong();
		}

		public long legalBlockId() {
			return this.legalBlock.get("id").asLong();
		}

	}

	/**
	 * Staff {@code action} ({@code lift} or {@code end}) takes the mitigations of
	 * {@link #interstitialAndLegalBlock} off the edge: it wants a reason, a body that is
	 * JSON, a reviewer or above and a mitigation that exists; a reviewer takes the
	 * interstitial off with {@code reason}, once, but the legal block only {@code legal}
	 * (legal, a senior or an admin).
	 */
	protected void assertStaffTakesOff(Enforced enforced, String action, String blankReason, String reason,
			String legal) {
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String path = "/api/v1/mitigations/" + enforced.interstitialId() + "/" + action;
		Api.Response noReason = this.api.post(path, blankReason, reviewer);
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.errors()).startsWith("reason required");
		Api.Response notJson = this.api.post(path, "not json", reviewer);
		assertThat(notJson.status()).as(notJson.body()).isEqualTo(422);
		assertThat(this.api.post(path, "{\"reason\": \"x\"}", null).status()).isEqualTo(401);
		assertThat(this.api.post(path, "{\"reason\": \"x\"}", staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
		assertThat(this.api.post(path, "{\"reason\": \"x\"}", this.edge).status()).isEqualTo(403);
		assertThat(
				this.api.post("/api/v1/mitigations/999999999999/" + action, "{\"reason\": \"x\"}", reviewer).status())
			.isEqualTo(404);
		String legalBlock = "/api/v1/mitigations/" + enforced.legalBlockId() + "/" + action;
		assertThat(this.api.post(legalBlock, "{\"reason\": \"The order was set aside.\"}", reviewer).status())
			.isEqualTo(403);
		assertThat(latest(enforced.orderCase()).get(0).get("status").asString()).isEqualTo("active");

		Api.Response done = this.api.post(path, "{\"reason\": \"" + reason + "\"}", reviewer);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("removed");
		assertThat(latest(enforced.phishingCase())).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
		assertThat(this.api.get("/interstitial/" + enforced.interstitialId(), null).status()).isEqualTo(404);
		assertThat(this.api.post(path, "{\"reason\": \"again\"}", reviewer).status()).isEqualTo(409);

		Api.Response byLegal = this.api.post(legalBlock, "{\"reason\": \"The order was set aside on appeal.\"}", legal);
		assertThat(byLegal.status()).as(byLegal.body()).isEqualTo(200);
		assertThat(latest(enforced.orderCase())).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
	}

	protected String phishing(String host, String path, String... morePaths) {
		StringBuilder urls = new StringBuilder("\"https://" + host + path + "\"");
		for (String more : morePaths) {
			urls.append(", \"https://").append(host).append(more).append('"');
		}
		return """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": [%s], "justification": "A fake bank login page harvesting passwords.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				urls);
	}

	protected String legalOrder(String host, String path) {
		String pdf = java.util.Base64.getEncoder()
			.encodeToString(
					"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return """
				{"reporter": {"name": "Court Clerk", "email": "%s", "kind": "individual"},
				 "urls": ["https://%s%s"], "justification": "The court ordered this page blocked.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "issuing_authority": "Landgericht Berlin", "jurisdiction": "DE", "legal_basis": "§ 1004 BGB",
				 "order_reference": "27 O 123/26", "territorial_scope": ["DE"],
				 "document": {"filename": "order.pdf", "content_type": "application/pdf", "data_base64": "%s"}}"""
			.formatted(this.catalog.reporter(), host, path, pdf);
	}

	/** Where the edge feed stands now: read it after this to see only what follows. */
	protected long changeCursor() {
		return this.jdbc.sql("select coalesce(max(change_seq), 0) from mitigation").query(Long.class).single();
	}

	/** The edge feed's items after {@code cursor}, read page by page. */
	protected List<JsonNode> edgeFeed(long cursor) {
		List<JsonNode> items = new ArrayList<>();
		long after = cursor;
		boolean more = true;
		while (more) {
			Api.Response page = this.api.get("/api/v1/mitigations/active?limit=1000&after=" + after, this.edge);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			JsonNode json = page.json();
			json.get("mitigations").valueStream().forEach(items::add);
			after = json.get("next_cursor").asLong();
			more = json.get("has_more").asBoolean();
		}
		return items;
	}

	/** The edge feed's items of one case after {@code cursor}. */
	protected List<JsonNode> edgeFeed(long cursor, long caseId) {
		return edgeFeed(cursor).stream().filter((m) -> m.get("case_id").asLong() == caseId).toList();
	}

	/**
	 * The latest entry per mitigation of a case in the edge feed after {@code cursor}.
	 */
	protected List<JsonNode> latest(long cursor, long caseId) {
		Map<Long, JsonNode> byId = new LinkedHashMap<>();
		edgeFeed(cursor, caseId).forEach((m) -> byId.put(m.get("id").asLong(), m));
		return List.copyOf(byId.values());
	}

	/** The latest entry per mitigation of a case of this test in the edge feed. */
	protected List<JsonNode> latest(long caseId) {
		return latest(this.opened, caseId);
	}

	/** Where the edge feed stood when the test began. */
	protected long feedAtStart() {
		return this.opened;
	}

	protected String caseStatus(long caseId) {
		return queryOne(String.class, "select status from abuse_case where id = ?", caseId);
	}

	/** The one entry of {@code action} in the case's audit stream. */
	protected AuditLog.Entry auditEntryOf(long caseId, String action) {
		List<AuditLog.Entry> entries = this.audit.entries("case:" + caseId)
			.stream()
			.filter((entry) -> entry.action().equals(action))
			.toList();
		assertThat(entries).as(action).hasSize(1);
		return entries.get(0);
	}

	/** Files a report over HTTP and a reviewer accepts the policy's plan for its case. */
	protected long fileAndAccept(String type, String body) {
		long caseId = fileAndAwaitCase(type, body);
		assertThat(this.work.accept(caseId, reviewer("reviewer")).status()).isEqualTo(CaseStatus.ACTIONED);
		return caseId;
	}

	protected Actor reviewer(String name) {
		return new Actor(name + "-" + this.catalog.id(), Role.REVIEWER);
	}

	/** A DMCA notice about {@code paths} of {@code host}, by a rights holder. */
	protected String dmca(String host, String... paths) {
		String urls = String.join(", ",
				java.util.Arrays.stream(paths).map((p) -> "\"https://" + host + p + "\"").toList());
		return """
				{"reporter": {"name": "Rhea Rights", "email": "%s", "kind": "rights_holder"},
				 "urls": [%s], "justification": "Tracks of our album, uploaded without a licence.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "work": "The album 'Demo' (2025) by Example Records.",
				 "rights_holder_name": "Example Records Ltd", "rights_holder_address": "2 Music Row, Nashville, TN",
				 "accuracy_statement": true, "signature": "Rhea Rights"}""".formatted(this.catalog.reporter(), urls);
	}

	/**
	 * Two reviewers disable the URLs of the case at once ({@link #actNow}).
	 * @return the ids of the mitigations, in the order of the edge feed
	 */
	protected List<Long> disableNow(long caseId) {
		long cursor = changeCursor();
		actNow(caseId, MitigationType.CONTENT_DISABLE);
		return latest(cursor, caseId).stream().map((m) -> m.get("id").asLong()).toList();
	}

}
