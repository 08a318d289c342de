package org.abusedesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.identity.Role;
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

	@BeforeEach
	public void issueEdgeToken() {
		this.edge = this.tokens.issue("edge-" + this.catalog.id(), Role.EDGE, "test", null);
	}

	/** Two reviewers propose and approve {@code mitigation} on the case at once. */
	protected void actNow(long caseId, ProposedMitigation mitigation) {
		assertThat(this.work.change(caseId, reviewer("proposer"), List.of(mitigation), "Confirmed; act now.").status())
			.isEqualTo("awaiting_approval");
		assertThat(this.work.answer(caseId, reviewer("approver"), true, "Agreed.").status()).isEqualTo("actioned");
	}

	/**
	 * Files a phishing report about {@code path} on the hosted customer's blog, puts a
	 * phishing interstitial on it at once, and answers the interstitial's id.
	 */
	protected long activeInterstitial(String path) {
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing("blog." + this.catalog.hostedZone(), path));
		actNow(caseId, new ProposedMitigation(org.abusedesk.policy.MitigationType.PHISHING_INTERSTITIAL,
				org.abusedesk.policy.EntityType.URL_PATTERN, List.of(), java.time.Duration.ZERO, null, null));
		return latest(cursor, caseId).get(0).get("id").asLong();
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

	/** The edge feed's items of one case after {@code cursor}, read page by page. */
	protected List<JsonNode> edgeFeed(long cursor, long caseId) {
		List<JsonNode> items = new ArrayList<>();
		long after = cursor;
		boolean more = true;
		while (more) {
			Api.Response page = this.api.get("/api/v1/mitigations/active?limit=1000&after=" + after, this.edge);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			JsonNode json = page.json();
			json.get("mitigations")
				.valueStream()
				.filter((m) -> m.get("case_id").asLong() == caseId)
				.forEach(items::add);
			after = json.get("next_cursor").asLong();
			more = json.get("has_more").asBoolean();
		}
		return items;
	}

	/**
	 * The latest entry per mitigation of a case in the edge feed after {@code cursor}.
	 */
	protected List<JsonNode> latest(long cursor, long caseId) {
		Map<Long, JsonNode> byId = new LinkedHashMap<>();
		edgeFeed(cursor, caseId).forEach((m) -> byId.put(m.get("id").asLong(), m));
		return List.copyOf(byId.values());
	}

	protected String caseStatus(long caseId) {
		return this.jdbc.sql("select status from abuse_case where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	protected Actor reviewer(String name) {
		return new Actor(name + "-" + this.catalog.id(), Role.REVIEWER);
	}

	/** Files a report over HTTP and answers its case once the router attached it. */
	protected long fileAndAwaitCase(String type, String body) {
		Api.Response created = this.api.post("/api/v1/reports/" + type, body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return caseOf(created.json().get("id").asLong());
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
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		return latest(cursor, caseId).stream().map((m) -> m.get("id").asLong()).toList();
	}

}
