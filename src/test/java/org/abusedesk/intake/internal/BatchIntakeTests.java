package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import org.abusedesk.Api;
import org.abusedesk.DeskTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/reports:batch} stores its valid items in chunks, one transaction
 * each: the same results as the same reports sent one after the other, whatever the chunk
 * boundaries; only the item the database refuses is lost; no receipt email per item.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchIntakeTests extends DeskTest {

	@Autowired
	private AuditLog audit;

	@Autowired
	private CaseWork work;

	@Test
	void validInvalidAndDuplicateItemsGetWhatTheyWouldGetSentOneAfterTheOther() {
		String pdf = Base64.getEncoder().encodeToString("%PDF-1.7\n".getBytes());
		String proxied = this.catalog.proxiedZone();
		String hosted = this.catalog.hostedZone();
		// an address no test's catalog (nor the demo catalog) holds: not ours
		String elsewhere = "2001:db8:ffff:" + Integer.toHexString(this.catalog.id().hashCode() & 0xffff) + "::7";
		List<String[]> items = List.of(item("phishing", """
				{"urls": ["https://login.%s/a"], "justification": "Fake bank login.", "targeted_brand": "Bank",
				 "comments": "Seen in a spam run.", "notify": {"host": "send", "owner": "send-anon"},
				 "good_faith": true}""".formatted(proxied)), item("phishing", """
				{"urls": ["ftp://nope"], "notify": {"host": "send", "owner": "send"}, "good_faith": true}"""),
				item("phishing",
						"""
								{"urls": ["https://login.%s/a"], "justification": "Again.", "notify": {"host": "send", "owner": "send"},
								 "good_faith": true}"""
							.formatted(proxied)),
				item("phishing", sentBefore()), item("general", """
						{"ips": ["%s"], "ports": [22], "justification": "SSH brute force.",
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(elsewhere)),
				item("general", """
						{"ips": ["%s"], "ports": [22], "justification": "Still brute-forcing.",
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(elsewhere)),
				item("no_such_type", "{}"),
				item("threat",
						"""
								{"urls": ["https://%s/t/1"], "justification": "Threatens a named person.", "imminent": true,
								 "notify": {"host": "send-anon", "owner": "send-anon"}, "good_faith": true}"""
							.formatted(hosted)),
				item("legal_order", """
						{"urls": ["https://%s/article"], "justification": "Injunction against the article.",
						 "issuing_authority": "Landgericht Berlin", "jurisdiction": "DE", "legal_basis": "§ 1004 BGB",
						 "order_reference": "27 O 123/26", "territorial_scope": ["DE"],
						 "document": {"filename": "order.pdf", "content_type": "application/pdf", "data_base64": "%s"},
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(proxied, pdf)),
				item("phishing", """
						{"urls": ["https://login.%s/a"], "justification": "Third time.",
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(proxied)));

		// the batch, from one reporter token
		String batchToken = issue("batch");
		Outcome before = single(batchToken, "phishing", sentBefore());
		JsonNode batch = postBatch(batchToken, items);
		assertThat(batch.get("stored").asInt()).isEqualTo(8);
		assertThat(batch.get("rejected").asInt()).isEqualTo(2);
		List<Outcome> batched = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode result = batch.get("results").get(i);
			assertThat(result.get("index").asInt()).isEqualTo(i);
			batched.add(Outcome.of(result));
		}
		assertThat(batch.at("/results/1/errors").valueStream().map((e) -> e.get("field").asString()).toList())
			.contains("reports[1].report.urls[0]", "reports[1].report.justification");
		assertThat(batch.at("/results/6/errors/0/field").asString()).isEqualTo("reports[6].type");

		// the same reports one by one, from another token (another reporter)
		String singleToken = issue("single");
		Outcome singleBefore = single(singleToken, "phishing", sentBefore());
		List<Outcome> singles = items.stream().map((item) -> single(singleToken, item[0], item[1])).toList();

		assertThat(normalise(batched, before)).isEqualTo(normalise(singles, singleBefore))
			.containsExactly("submitted", "rejected", "denied duplicate_report of 0",
					"denied duplicate_report of before", "denied not_ours", "denied not_ours", "rejected", "submitted",
					"submitted", "denied duplicate_report of 0");
		for (int i = 0; i < items.size(); i++) {
			if (batched.get(i).id() != null) {
				assertThat(stored(batched.get(i).id())).as("report %d as stored", i)
					.isEqualTo(stored(singles.get(i).id()));
			}
		}
		assertThat(queryOne(Long.class, "select duplicate_of from report where id = ?", batched.get(9).id()))
			.isEqualTo(batched.get(0).id());
		assertIntact();
	}

	@Test
	void aBatchLargerThanAChunkKeepsItsOrderAndItsDuplicatesAcrossChunks() {
		int size = 2 * BatchIntake.DEFAULT_CHUNK_SIZE + 17;
		int distinct = BatchIntake.DEFAULT_CHUNK_SIZE + 50;
		List<String[]> items = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			int k = i % distinct;
			String host = (k % 2 == 0) ? this.catalog.proxiedZone() : this.catalog.hostedZone();
			items.add((i % 100 == 42) ? item("phishing", "{\"urls\": [\"nope\"]}")
					: item("phishing", tokenReport("www." + host + "/kit-" + k)));
		}
		String token = issue("large");
		JsonNode batch = postBatch(token, items);

		Map<Integer, String> codeOf = new HashMap<>();
		long lastId = 0;
		List<Long> submitted = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			JsonNode result = batch.get("results").get(i);
			assertThat(result.get("index").asInt()).isEqualTo(i);
			if (i % 100 == 42) {
				assertThat(result.get("status").asString()).isEqualTo("rejected");
				continue;
			}
			assertThat(result.get("id").asLong()).as("ids follow the order of the items").isGreaterThan(lastId);
			lastId = result.get("id").asLong();
			int original = i % distinct;
			if (original == i || original % 100 == 42) {
				assertThat(result.get("status").asString()).as("item %d", i).isEqualTo("submitted");
				codeOf.put(i % distinct, result.get("tracking_code").asString());
				submitted.add(result.get("id").asLong());
			}
			else {
				assertThat(result.get("denial_reason").asString()).as("item %d", i).isEqualTo("duplicate_report");
				assertThat(result.get("duplicate_of").asString()).isEqualTo(codeOf.get(original));
			}
		}
		long rejected = IntStream.range(0, size).filter((i) -> i % 100 == 42).count();
		assertThat(batch.get("rejected").asLong()).isEqualTo(rejected);
		assertThat(batch.get("stored").asLong()).isEqualTo(size - rejected);
		assertThat(reportsOf(token)).isEqualTo(size - rejected);
		assertIntact();

		// every report that is not denied reaches the router, which decides it and
		// attaches it to a case
		await().atMost(Duration.ofMinutes(3)).until(() -> queryOne(Long.class, """
				select count(*) from report r join case_report c on c.report_id = r.id
				where r.reporter_token_id = ? and r.status = 'accepted'""", tokenId(token)) == submitted.size());
		assertThat(queryOne(Long.class, """
				select count(distinct report_id) from decision
				where report_id in (select id from report where reporter_token_id = ?)""", tokenId(token)))
			.isEqualTo(submitted.size());
	}

	@Test
	void anItemTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsChunkIsStored() {
		// valid to the validator, but refused by the database, as a constraint or a full
		// disk would
		String marker = "refuse-" + this.catalog.id();
		this.jdbc
			.sql("""
					create function refuse_marked_report() returns trigger language plpgsql as $$
					begin
					  if new.comments = '%s' then raise exception 'refused for the test' using errcode = 'check_violation'; end if;
					  return new;
					end $$"""
				.formatted(marker))
			.update();
		this.jdbc.sql(
				"create trigger refuse_marked before insert on report for each row execute function refuse_marked_report()")
			.update();
		try {
			postWithOneRefusedItem(marker);
		}
		finally {
			this.jdbc.sql("drop trigger refuse_marked on report").update();
			this.jdbc.sql("drop function refuse_marked_report()").update();
		}
	}

	private void postWithOneRefusedItem(String marker) {
		List<String[]> items = List.of(item("phishing", tokenReport("www." + this.catalog.proxiedZone() + "/ok-1")),
				item("phishing",
						"""
								{"urls": ["https://www.%s/refused"], "justification": "Phishing kit.", "comments": "%s",
								 "notify": {"host": "send", "owner": "send"}, "good_faith": true}"""
							.formatted(this.catalog.proxiedZone(), marker)),
				item("phishing", tokenReport("www." + this.catalog.hostedZone() + "/ok-2")),
				item("phishing", tokenReport("www." + this.catalog.proxiedZone() + "/ok-1")));
		String token = issue("refused");
		JsonNode batch = postBatch(token, items);

		assertThat(batch.get("stored").asInt()).isEqualTo(3);
		assertThat(batch.get("rejected").asInt()).isEqualTo(1);
		assertThat(batch.get("results").valueStream().map((result) -> result.get("status").asString()))
			.startsWith("submitted", "rejected", "submitted");
		assertThat(batch.at("/results/1/errors/0").get("field").asString() + " "
				+ batch.at("/results/1/errors/0").get("code").asString())
			.isEqualTo("reports[1] not_stored");
		assertThat(batch.at("/results/3/denial_reason").asString()).isEqualTo("duplicate_report");
		assertThat(batch.at("/results/3/duplicate_of").asString())
			.isEqualTo(batch.at("/results/0/tracking_code").asString());
		assertThat(reportsOf(token)).isEqualTo(3);
		assertIntact();
	}

	@Test
	void batchItemsGetNoEmailOnArrivalButSingleReportsAndLaterDecisionsDo() {
		String token = issue("mail");
		String holder = holderEmail("mail");
		JsonNode batch = postBatch(token,
				List.of(item("phishing", tokenReport("blog." + this.catalog.hostedZone() + "/kit")),
						item("phishing", tokenReport("www.not-ours-" + this.catalog.id() + ".example/kit"))));
		assertThat(batch.at("/results/0/status").asString()).isEqualTo("submitted");
		assertThat(batch.at("/results/0/status_secret").asString()).isNotBlank();
		assertThat(batch.at("/results/1/denial_reason").asString()).isEqualTo("not_ours");
		long routed = batch.at("/results/0/id").asLong();
		long denied = batch.at("/results/1/id").asLong();
		// the listener that queues the receipt runs in the storing transaction: had it
		// queued anything, it would be there by now
		assertThat(arrivalMessages(routed)).isZero();
		assertThat(arrivalMessages(denied)).isZero();

		Outcome single = single(token, "phishing", tokenReport("shop." + this.catalog.hostedZone() + "/kit"));
		assertThat(arrivalMessages(single.id())).isEqualTo(1);
		assertThat(body(awaitMessageTo(holder, "We received your report " + single.trackingCode())))
			.contains(single.trackingCode());

		// a person's decision still reaches the reporter of a batch item
		await().atMost(Duration.ofMinutes(1))
			.until(() -> queryOne(Long.class, "select count(*) from case_report where report_id = ?", routed) == 1);
		long caseId = caseOf(routed);
		this.work.deny(caseId, new Actor("reviewer-" + this.catalog.id(), Role.REVIEWER), DenialReason.NO_ABUSE_FOUND,
				"Nothing there.");
		assertThat(body(
				awaitMessageTo(holder, "Decision on your report " + batch.at("/results/0/tracking_code").asString())))
			.contains("A person reviewed your report");
		assertThat(messagesTo(holder, "We received your report")).hasSize(1);
		assertIntact();
	}

	@Test
	void twoBatchesWithTheSameReportsInOppositeOrdersNeitherDeadlockNorBothKeepAnOriginal(CapturedOutput output)
			throws Exception {
		int size = BatchIntake.DEFAULT_CHUNK_SIZE + 50;
		List<String[]> items = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			items.add(item("phishing", tokenReport("www." + this.catalog.proxiedZone() + "/race-" + i)));
		}
		List<String[]> reversed = new ArrayList<>(items);
		java.util.Collections.reverse(reversed);
		String token = issue("race");
		CyclicBarrier barrier = new CyclicBarrier(2);
		CompletableFuture<JsonNode> forward = CompletableFuture.supplyAsync(() -> {
			awaitTogether(barrier);
			return postBatch(token, items);
		});
		CompletableFuture<JsonNode> backward = CompletableFuture.supplyAsync(() -> {
			awaitTogether(barrier);
			return postBatch(token, reversed);
		});
		JsonNode first = forward.get();
		JsonNode second = backward.get();
		for (int i = 0; i < size; i++) {
			JsonNode one = first.get("results").get(i);
			JsonNode other = second.get("results").get(size - 1 - i);
			List<String> statuses = List.of(one.get("status").asString(), other.get("status").asString());
			assertThat(statuses).as("item %d", i).containsExactlyInAnyOrder("submitted", "denied");
			JsonNode original = one.get("status").asString().equals("submitted") ? one : other;
			JsonNode duplicate = (original == one) ? other : one;
			assertThat(duplicate.get("duplicate_of").asString()).isEqualTo(original.get("tracking_code").asString());
		}
		assertThat(output.getOut()).doesNotContain("deadlock detected");
		assertIntact();
	}

	// what a report looks like in the database, without what differs between two
	// reporters or two submissions of the same report
	private Map<String, Object> stored(long id) {
		Map<String, Object> stored = new HashMap<>();
		stored.put("report", this.jdbc.sql("""
				select to_jsonb(r) - 'id' - 'tracking_code' - 'raw_submission_id' - 'source' - 'channel' - 'status'
				       - 'status_secret_hash' - 'reporter_token_id' - 'reporter_email' - 'fingerprint' - 'duplicate_of'
				       - 'received_at' - 'decided_at'
				from report r where id = :id""").param("id", id).query(String.class).single());
		stored.put("urls",
				this.jdbc.sql("select url from report_url where report_id = :id order by position")
					.param("id", id)
					.query(String.class)
					.list());
		stored.put("addresses",
				this.jdbc.sql("select address from report_address where report_id = :id order by position")
					.param("id", id)
					.query(String.class)
					.list());
		stored.put("evidence", this.jdbc.sql("""
				select filename || ' ' || declared_type || ' ' || detected_type || ' ' || size || ' ' || sha256
				from evidence where report_id = :id order by id""").param("id", id).query(String.class).list());
		stored.put("audit", this.audit.entries("report:" + id)
			.stream()
			.filter((entry) -> entry.action().equals("report.received") || entry.action().equals("report.denied"))
			.map((entry) -> entry.seq() + " " + entry.actor() + " " + entry.action() + " "
					+ entry.details()
						.replaceAll("AD-[0-9A-Z-]{14}", "AD-*")
						.replaceAll("\"(channel|source)\":\"[^\"]*\"", "\"$1\":*"))
			.toList());
		return stored;
	}

	/** Statuses with the item each duplicate repeats ("before": the one sent first). */
	private static List<String> normalise(List<Outcome> outcomes, Outcome before) {
		List<String> normalised = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			String text = outcome.status() + ((outcome.denialReason() != null) ? " " + outcome.denialReason() : "");
			if (outcome.duplicateOf() != null) {
				int index = IntStream.range(0, outcomes.size())
					.filter((i) -> outcome.duplicateOf().equals(outcomes.get(i).trackingCode()))
					.findFirst()
					.orElse(-1);
				text += " of " + ((outcome.duplicateOf().equals(before.trackingCode())) ? "before" : index);
			}
			normalised.add(text);
		}
		return normalised;
	}

	record Outcome(Long id, String trackingCode, String status, String denialReason, String duplicateOf) {

		static Outcome of(JsonNode result) {
			return new Outcome(result.hasNonNull("id") ? result.get("id").asLong() : null,
					text(result, "tracking_code"), text(result, "status"), text(result, "denial_reason"),
					text(result, "duplicate_of"));
		}

		private static String text(JsonNode node, String field) {
			return node.hasNonNull(field) ? node.get(field).asString() : null;
		}

	}

	private Outcome single(String token, String type, String body) {
		Api.Response response = this.api.post("/api/v1/reports/" + type, body, token);
		if (response.status() == 422 || response.status() == 404) {
			return new Outcome(null, null, "rejected", null, null);
		}
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return Outcome.of(response.json());
	}

	private JsonNode postBatch(String token, List<String[]> items) {
		StringBuilder body = new StringBuilder("{\"reports\": [");
		for (int i = 0; i < items.size(); i++) {
			body.append((i > 0) ? ",\n" : "")
				.append("{\"type\": \"")
				.append(items.get(i)[0])
				.append("\", \"report\": ")
				.append(items.get(i)[1])
				.append('}');
		}
		Api.Response response = this.api.post("/api/v1/reports:batch", body.append("]}").toString(), token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("results").size()).isEqualTo(items.size());
		return result;
	}

	private static String[] item(String type, String report) {
		return new String[] { type, report };
	}

	private String sentBefore() {
		return """
				{"urls": ["https://shop.%s/b"], "justification": "Sent before.", "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}"""
			.formatted(this.catalog.proxiedZone());
	}

	private static String tokenReport(String hostAndPath) {
		return """
				{"urls": ["https://%s"], "justification": "Phishing kit.", "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(hostAndPath);
	}

	private String holderEmail(String name) {
		return "flagger-" + name + "-" + this.catalog.id() + "@flaggers.example";
	}

	/** Issues an organisation's token; every token here has the same holder but email. */
	private String issue(String name) {
		return reporterToken("batch " + name, "organisation", "Flagger", holderEmail(name));
	}

	private long tokenId(String token) {
		return queryOne(Long.class, "select id from reporter_token where token_hash = ?", StatusSecrets.hash(token));
	}

	/** How many reports were filed with {@code token}. */
	private long reportsOf(String token) {
		return queryOne(Long.class, "select count(*) from report where reporter_token_id = ?", tokenId(token));
	}

	/** The receipt and the arrival denial queued for the reporter of a report. */
	private long arrivalMessages(long reportId) {
		return queryOne(Long.class, """
				select count(*) from outbox_message
				where idempotency_key like 'report:' || ? || ':notify_reporter:receipt:%'
				   or idempotency_key like 'report:' || ? || ':notify_reporter:decision:%'""", reportId, reportId);
	}

	private void assertIntact() {
		AuditLog.Verification verification = this.audit.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
	}

}
