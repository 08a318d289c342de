package org.abusedesk.policy;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.identity.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "Every decision keeps its promise": each decision is applied as decided, from
 * the report filed over HTTP through the router and the case to the mitigations the edge
 * reads, the customer's view and the messages.
 */
class DecisionPromiseTests extends EdgeDeskTest {

	@Test
	void urlPatternMitigationTargetsTheReportedUrlsNotTheWholeSite() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAwaitCase("phishing", """
				{"reporter": {"name": "Rita Reporter", "email": "%1$s", "kind": "individual"},
				 "urls": ["https://%2$s/phish/", "HTTPS://%3$s/login.php?session=1#form"],
				 "justification": "A fake bank login page harvesting passwords.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				host, host.toUpperCase(java.util.Locale.ROOT)));
		long cursor = changeCursor();

		CaseWork.Outcome outcome = this.work.accept(caseId, reviewer("reviewer"));
		assertThat(outcome.status()).isEqualTo("actioned");

		List<JsonNode> fed = edgeFeed(cursor, caseId);
		assertThat(fed).extracting((m) -> m.get("target").asString())
			.containsExactly("https://" + host + "/phish/*", "https://" + host + "/login.php?session=1");
		assertThat(fed).allSatisfy((m) -> {
			assertThat(m.get("type").asString()).isEqualTo("content_disable");
			assertThat(m.get("entity_type").asString()).isEqualTo("url_pattern");
			assertThat(m.get("status").asString()).isEqualTo("pending");
		});
		assertThat(fed).extracting((m) -> m.get("target").asString())
			.doesNotContain(this.catalog.hostedZone(), host, "https://" + host + "/");

		// the customer sees the same targets, and the statement of reasons names them
		String customer = customerToken("hosting-" + this.catalog.id());
		JsonNode mine = this.api.get("/api/v1/customer/mitigations", customer).json().get("items");
		assertThat(mine).extracting((m) -> m.get("target").asString())
			.containsExactlyInAnyOrder("https://" + host + "/phish/*", "https://" + host + "/login.php?session=1");
		assertThat(mine).anySatisfy((m) -> assertThat(m.get("statement").asString())
			.contains("https://" + host + "/phish/ and every page under it"));
		assertThat(mine).anySatisfy(
				(m) -> assertThat(m.get("statement").asString()).contains("https://" + host + "/login.php?session=1"));
	}

	@Test
	void customerReviewRequestDoesNotLiftAnActiveMitigation() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		JsonNode interstitial = latest(cursor, phishingCase).get(0);
		JsonNode legalBlock = latest(cursor, orderCase).get(0);
		assertThat(interstitial.get("status").asString()).isEqualTo("active");
		assertThat(legalBlock.get("status").asString()).isEqualTo("active");
		assertThat(legalBlock.get("territorial_scope")).extracting(JsonNode::asString).containsExactly("DE");

		String customer = customerToken("hosting-" + this.catalog.id());
		for (JsonNode mitigation : List.of(interstitial, legalBlock)) {
			Api.Response requested = this.api.post(
					"/api/v1/customer/mitigations/" + mitigation.get("id").asLong() + "/review",
					"{\"reason\": \"misclassified\", \"comment\": \"Not ours to judge.\"}", customer);
			assertThat(requested.status()).as(requested.body()).isEqualTo(200);
			assertThat(requested.json().get("status").asString()).isEqualTo("active");
		}

		// the edge still enforces both: their latest change is the one that activated
		// them
		assertThat(latest(cursor, phishingCase)).singleElement().satisfies((m) -> {
			assertThat(m.get("status").asString()).isEqualTo("active");
			assertThat(m.get("change_seq").asLong()).isEqualTo(interstitial.get("change_seq").asLong());
		});
		assertThat(latest(cursor, orderCase)).singleElement().satisfies((m) -> {
			assertThat(m.get("status").asString()).isEqualTo("active");
			assertThat(m.get("change_seq").asLong()).isEqualTo(legalBlock.get("change_seq").asLong());
		});
		assertThat(this.api.get("/interstitial/" + interstitial.get("id").asLong(), null).status()).isEqualTo(200);
		// the request is recorded and both cases are back in the review queue
		for (long caseId : List.of(phishingCase, orderCase)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> caseStatus(caseId).equals("in_review"));
			assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.actor().equals("customer"))
				.extracting(AuditLog.Entry::action)
				.containsExactly("mitigation.review_requested", "case.review_requested");
		}
	}

	@Test
	void staffLiftRemovesAMitigationFromTheEdgeFeedWithAReason() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		long interstitial = latest(cursor, phishingCase).get(0).get("id").asLong();
		long legalBlock = latest(cursor, orderCase).get(0).get("id").asLong();
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String lift = "/api/v1/mitigations/" + interstitial + "/lift";

		Api.Response noReason = this.api.post(lift, "{}", reviewer);
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
		assertThat(noReason.json().at("/errors/0/code").asString()).isEqualTo("required");
		Api.Response tooLong = this.api.post(lift, "{\"reason\": \"" + "x".repeat(5001) + "\"}", reviewer);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("too_long");
		Api.Response notJson = this.api.post(lift, "not json", reviewer);
		assertThat(notJson.status()).as(notJson.body()).isEqualTo(422);
		assertThat(this.api.post(lift, "{\"reason\": \"x\"}", null).status()).isEqualTo(401);
		assertThat(this.api.post(lift, "{\"reason\": \"x\"}", staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
		assertThat(this.api.post(lift, "{\"reason\": \"x\"}", this.edge).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/mitigations/999999999999/lift", "{\"reason\": \"x\"}", reviewer).status())
			.isEqualTo(404);
		// a legal block is lifted by legal, a senior or an admin only
		Api.Response refused = this.api.post("/api/v1/mitigations/" + legalBlock + "/lift",
				"{\"reason\": \"The order was set aside.\"}", reviewer);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(latest(cursor, orderCase).get(0).get("status").asString()).isEqualTo("active");

		Api.Response lifted = this.api.post(lift, "{\"reason\": \"The customer removed the kit; checked.\"}", reviewer);
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
		assertThat(lifted.json().get("status").asString()).isEqualTo("removed");
		assertThat(latest(cursor, phishingCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
		assertThat(this.api.get("/interstitial/" + interstitial, null).status()).isEqualTo(404);
		assertThat(this.api.post(lift, "{\"reason\": \"again\"}", reviewer).status()).isEqualTo(409);

		Api.Response byLegal = this.api.post("/api/v1/mitigations/" + legalBlock + "/lift",
				"{\"reason\": \"The order was set aside on appeal.\"}", staffToken("counsel", Role.LEGAL));
		assertThat(byLegal.status()).as(byLegal.body()).isEqualTo(200);
		assertThat(latest(cursor, orderCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
		assertThat(this.audit.entries("case:" + phishingCase)).filteredOn((e) -> e.action().equals("mitigation.lifted"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				assertThat(e.details()).contains("The customer removed the kit; checked.");
			});
	}

	@Test
	void registrarTrademarkReportIsDeniedWithDomainDisputeProcess() {
		String zone = "registered-" + this.catalog.id() + ".example";
		String document = this.catalog.document()
			.replaceFirst("\\]\\}\\s*$",
					"""
							, {"ref": "registrar-%1$s", "name": "Registrar Customer %1$s", "abuse_contact": "owner-%1$s@registered.example",
							   "at_risk": false, "status": "active",
							   "properties": [{"zone": "%2$s", "services": ["registrar"]}]}
							]}"""
						.formatted(this.catalog.id(), zone));
		Api.Response imported = this.api.put("/api/v1/catalog", document, this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		Api.Response created = this.api.post("/api/v1/reports/trademark", """
				{"reporter": {"name": "Tess Trademark", "email": "%s", "kind": "rights_holder"},
				 "urls": ["https://%s/"], "justification": "The domain name copies our registered mark.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "mark": "EXAMPLAR", "registration_number": "1234567", "office": "EUIPO"}"""
			.formatted(this.catalog.reporter(), zone), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long reportId = created.json().get("id").asLong();
		String status = "/api/v1/reports/status/" + created.json().get("tracking_code").asString() + "?secret="
				+ created.json().get("status_secret").asString();

		// routed: the reporter's status page says denied, with the reason's wire value
		JsonNode view = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get(status, null).json(),
					(json) -> !json.get("status").asString().equals("submitted"));
		assertThat(view.get("status").asString()).isEqualTo("denied");
		assertThat(view.get("denial_reason").asString()).isEqualTo("domain_dispute_process_required");
		assertThat(this.jdbc.sql("select rule from decision where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.list()).containsExactly("registrar.trademark");
		// no case, so nothing to forward; the reporter hears why and where to turn
		assertThat(this.jdbc.sql("select count(*) from case_report where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isZero();
		List<String> queued = this.jdbc.sql("""
				select kind || ' ' || recipient || ' ' || subject from outbox_message
				where report_id = :id order by id""").param("id", reportId).query(String.class).list();
		String code = created.json().get("tracking_code").asString();
		assertThat(queued).containsExactly(
				"notify_reporter " + this.catalog.reporter() + " We received your report " + code,
				"notify_reporter " + this.catalog.reporter() + " Decision on your report " + code);
		String decision = this.jdbc.sql("""
				select body from outbox_message where report_id = :id and subject like 'Decision on your report%'""")
			.param("id", reportId)
			.query(String.class)
			.single();
		assertThat(decision).contains("we will not act on it")
			.contains("Reason (domain_dispute_process_required): Disputes over a domain name go through a domain "
					+ "dispute resolution process (such as the UDRP).")
			.contains(
					"What you can do: file a complaint under the Uniform Domain-Name Dispute-Resolution Policy (UDRP)")
			.contains("by our published policy")
			.contains("six months");
		assertThat(this.audit.entries("report:" + reportId)).extracting(AuditLog.Entry::action)
			.contains("report.decided", "report.denied");
		assertThat(messagesTo("owner-" + this.catalog.id() + "@registered.example")).isEmpty();
	}

	@Test
	void registrarDataRequestToAHostIsDeniedAsTheWrongCategory() {
		Api.Response created = this.api.post("/api/v1/reports/registrar_whois", """
				{"reporter": {"name": "Wanda Whois", "email": "%s", "kind": "individual"},
				 "urls": ["https://blog.%s/"], "justification": "We need the registrant's identity.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "request_type": "disclosure", "legal_basis": "Art. 6(1)(f) GDPR: enforcing a trademark"}"""
			.formatted(this.catalog.reporter(), this.catalog.hostedZone()), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long reportId = created.json().get("id").asLong();
		String row = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select status || ' ' || coalesce(denial_reason, '') from report where id = :id")
				.param("id", reportId)
				.query(String.class)
				.single(), (value) -> !value.startsWith("submitted"));
		assertThat(row).isEqualTo("denied wrong_report_category");
		assertThat(this.jdbc.sql("select count(*) from case_report where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select kind from outbox_message where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.list()).containsExactly("notify_reporter", "notify_reporter");
		assertThat(this.jdbc.sql("""
				select body from outbox_message where report_id = :id and subject like 'Decision on your report%'""")
			.param("id", reportId)
			.query(String.class)
			.single()).contains("wrong_report_category").contains("send it to the domain's registrar");
	}

}
