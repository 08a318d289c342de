package org.abusedesk.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database claim the same cases at the same moment, as two
 * different reviewers: each case ends up with exactly one holder, the one whose claim
 * said it won.
 */
class ClaimAcrossNodesTests extends IntegrationTest {

	private static final int CASES = 25;

	@Autowired
	private CaseWork work;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoNodesClaimingTheSameCaseGiveExactlyOneHolder() throws Exception {
		List<Long> caseIds = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			caseIds.add(openCase());
		}
		Actor alice = new Actor("alice-" + caseIds.get(0), Role.REVIEWER);
		Actor bob = new Actor("bob-" + caseIds.get(0), Role.REVIEWER);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try (ConfigurableApplicationContext nodeB = startNode()) {
			CaseWork otherNode = nodeB.getBean(CaseWork.class);
			for (long caseId : caseIds) {
				CyclicBarrier together = new CyclicBarrier(2);
				CompletableFuture<CaseWork.Claim> onA = CompletableFuture.supplyAsync(() -> {
					awaitTogether(together);
					return this.work.claim(caseId, alice);
				}, threads);
				CompletableFuture<CaseWork.Claim> onB = CompletableFuture.supplyAsync(() -> {
					awaitTogether(together);
					return otherNode.claim(caseId, bob);
				}, threads);
				CaseWork.Claim a = onA.get();
				CaseWork.Claim b = onB.get();
				assertThat(a.mine() ^ b.mine()).as("exactly one node wins case %d", caseId).isTrue();
				String winner = a.mine() ? alice.name() : bob.name();
				assertThat(a.holder()).isEqualTo(winner);
				assertThat(b.holder()).isEqualTo(winner);
				assertThat(this.jdbc.sql("select staff_user from case_claim where case_id = :id")
					.param("id", caseId)
					.query(String.class)
					.list()).containsExactly(winner);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aClaimLapsesAndAnotherReviewerTakesTheCase() {
		long caseId = openCase();
		Actor alice = new Actor("alice-" + caseId, Role.REVIEWER);
		Actor bob = new Actor("bob-" + caseId, Role.SENIOR);
		assertThat(this.work.claim(caseId, alice).mine()).isTrue();
		CaseWork.Claim refused = this.work.claim(caseId, bob);
		assertThat(refused.mine()).isFalse();
		assertThat(refused.holder()).isEqualTo(alice.name());
		this.jdbc.sql("update case_claim set expires_at = now() - interval '1 second' where case_id = :id")
			.param("id", caseId)
			.update();
		assertThat(this.work.claim(caseId, bob).mine()).isTrue();
	}

	private long openCase() {
		return this.jdbc.sql("""
				insert into abuse_case (status, property_id, property, account_ref, report_type, priority, due_at)
				values ('triage', :property, 'claims.example', 'claims', 'general', 'p3', now() + interval '1 day')
				returning id""")
			.param("property", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50))
			.query(Long.class)
			.single();
	}

}
