package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.abusedesk.Api;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.identity.CustomerTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, strikes: a mitigation nobody appealed within its appeal window is a confirmed
 * violation, counted once however many nodes run the job at the same moment; one that was
 * appealed, or whose window is still open, is not.
 */
class UncontestedStrikeTests extends EdgeDeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private UncontestedStrikes uncontested;

	@Test
	void aMitigationNotAppealedWithinItsWindowIsAStrikeRecordedOnceAcrossNodes() throws Exception {
		String host = "tunes." + this.catalog.hostedZone();
		Api.Response created = this.api.post("/api/v1/reports/dmca", dmca(host, "/a.mp3", "/b.mp3", "/c.mp3"), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long caseId = caseOf(created.json().get("id").asLong());
		List<Long> mitigations = disableNow(caseId);
		assertThat(mitigations).hasSize(3);
		long uncontestedOne = mitigations.get(0);
		long appealed = mitigations.get(1);
		long recent = mitigations.get(2);
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
		assertThat(this.api
			.post("/api/v1/customer/mitigations/" + appealed + "/appeal",
					"{\"reason\": \"other\", \"statement\": \"We hold a licence.\"}", customer)
			.status()).isEqualTo(201);
		backdate(uncontestedOne, "7 months");
		backdate(appealed, "7 months");
		backdate(recent, "5 months");

		// two nodes run the job at the same moment
		Instant now = Instant.now();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> run(together, now), threads);
			CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> run(together, now), threads);
			onA.get();
			onB.get();
		}
		finally {
			threads.shutdownNow();
		}
		run(null, now);

		assertThat(this.jdbc.sql("""
				select mitigation_id || ' ' || basis || ' ' || report_type || ' ' || subject from strike
				where party = 'customer' and case_id = :case""").param("case", caseId).query(String.class).list())
			.containsExactly(uncontestedOne + " uncontested dmca hosting-" + this.catalog.id());
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("strike.recorded"))
			.singleElement()
			.satisfies((e) -> assertThat(e.details()).contains("\"basis\":\"uncontested\""));
		// the customer sees it
		assertThat(this.api.get("/api/v1/customer/strikes", customer).json().get("strikes"))
			.anySatisfy((s) -> assertThat(s.get("basis").asString()).isEqualTo("uncontested"));
	}

	private int run(CyclicBarrier together, Instant now) {
		try {
			if (together != null) {
				together.await();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		int total = 0;
		int looked;
		do {
			looked = this.uncontested.recordDue(now, 1000);
			total += looked;
		}
		while (looked == 1000);
		return total;
	}

	private void backdate(long mitigationId, String age) {
		this.jdbc.sql("update mitigation set created_at = now() - cast(:age as interval) where id = :id")
			.param("age", age)
			.param("id", mitigationId)
			.update();
	}

}
