package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.TestCatalog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router claims submitted reports and decides them in batches; a report is decided
 * once, and one it cannot take holds up only itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportRouterTests extends IntegrationTest {

	@Autowired
	private ReportRouter router;

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	private TestCatalog catalog;

	private Api api;

	@BeforeEach
	void setUp() {
		this.catalog = TestCatalog.unique();
		this.api = new Api(this.port);
		String admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
		assertThat(this.api.put("/api/v1/catalog", this.catalog.document(), admin).status()).isEqualTo(200);
	}

	@Test
	void aDecidedReportIsNeitherClaimedNorDecidedAgain() {
		long reportId = file("www." + this.catalog.proxiedZone(), "-once");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from outbox_message where report_id = :id", reportId) == 4);

		assertThat(this.router.routeOne(reportId)).isFalse();
		assertThat(this.router.routeWaiting(10_000, Set.of())).doesNotContain(reportId);

		// receipt, forward to host, notice to owner, notice to reporter
		assertThat(count("select count(*) from outbox_message where report_id = :id", reportId)).isEqualTo(4);
		assertThat(count("select count(*) from decision where report_id = :id", reportId)).isEqualTo(1);
		assertThat(count("select count(*) from case_report where report_id = :id", reportId)).isEqualTo(1);
	}

	/** Reports on one property share one case, however they were batched. */
	@Test
	void reportsOnOnePropertyShareOneCaseOpenedOnce() {
		List<Long> reportIds = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			reportIds.add(file("shop." + this.catalog.hostedZone(), "-share-" + i));
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> reportIds.stream()
				.allMatch((id) -> count("select count(*) from case_report where report_id = :id", id) == 1));
		List<Long> caseIds = reportIds.stream()
			.map((id) -> (long) count("select case_id from case_report where report_id = :id", id))
			.distinct()
			.toList();
		assertThat(caseIds).hasSize(1);
		List<AuditLog.Entry> history = this.audit.entries("case:" + caseIds.get(0));
		assertThat(history).filteredOn((entry) -> entry.action().equals("case.opened")).hasSize(1);
		assertThat(history).filteredOn((entry) -> entry.action().equals("case.report_attached")).hasSize(5);
		assertThat(history.get(0).action()).isEqualTo("case.opened");
		for (long reportId : reportIds) {
			assertThat(this.audit.entries("report:" + reportId)).extracting(AuditLog.Entry::action)
				.containsSubsequence("report.received", "report.decided")
				.containsOnlyOnce("report.decided");
			assertThat(this.jdbc.sql("select status from report where id = :id")
				.param("id", reportId)
				.query(String.class)
				.single()).isEqualTo("accepted");
		}
		AuditLog.Verification verification = this.audit.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
	}

	/**
	 * Routers on several nodes claim different reports: with the schedule's own runs and
	 * two more routers at once, each report is decided and attached exactly once.
	 */
	@Test
	void routersSideBySideNeverTakeTheSameReport() throws Exception {
		List<Long> reportIds = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			reportIds
				.add(file(((i % 2 == 0) ? "www." + this.catalog.proxiedZone() : "shop." + this.catalog.hostedZone()),
						"-side-" + i));
		}
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		List<java.util.concurrent.CompletableFuture<Integer>> routers = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			routers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				awaitTogether(together);
				int routed = 0;
				List<Long> batch;
				do {
					batch = this.router.routeWaiting(3, Set.of());
					routed += batch.size();
				}
				while (!batch.isEmpty());
				return routed;
			}));
		}
		for (var router : routers) {
			router.get();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> reportIds.stream()
				.allMatch((id) -> count("select count(*) from case_report where report_id = :id", id) == 1));
		for (long reportId : reportIds) {
			assertThat(count("select count(*) from decision where report_id = :id", reportId)).isEqualTo(1);
			assertThat(this.audit.entries("report:" + reportId))
				.filteredOn((entry) -> entry.action().equals("report.decided"))
				.hasSize(1);
		}
	}

	/**
	 * A report whose case the database refuses fails its batch; the batch is then routed
	 * report by report, the others go through, and that one waits, submitted, until it
	 * can be routed.
	 */
	@Test
	void aReportTheRouterCannotTakeHoldsUpOnlyItself(CapturedOutput output) {
		this.jdbc.sql("""
				create function refuse_case_%1$s() returns trigger language plpgsql as $$
				begin raise exception 'refused for the test'; end $$""".formatted(this.catalog.id())).update();
		this.jdbc
			.sql("""
					create trigger refuse_case_%1$s before insert on abuse_case for each row
					when (new.property = '%2$s') execute function refuse_case_%1$s()""".formatted(this.catalog.id(),
					this.catalog.hostedZone()))
			.update();
		long stuck;
		List<Long> others = new ArrayList<>();
		try {
			others.add(file("www." + this.catalog.proxiedZone(), "-before"));
			stuck = file("shop." + this.catalog.hostedZone(), "-stuck");
			others.add(file("api." + this.catalog.proxiedZone(), "-after"));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> others.stream()
					.allMatch((id) -> count("select count(*) from case_report where report_id = :id", id) == 1));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> output.getAll().contains("Report " + stuck + " could not be routed"));
			assertThat(count("select count(*) from case_report where report_id = :id", stuck)).isZero();
			assertThat(count("select count(*) from decision where report_id = :id", stuck)).isZero();
		}
		finally {
			this.jdbc.sql("drop trigger refuse_case_%1$s on abuse_case".formatted(this.catalog.id())).update();
			this.jdbc.sql("drop function refuse_case_%1$s()".formatted(this.catalog.id())).update();
		}
		assertThat(this.jdbc.sql("select status from report where id = :id")
			.param("id", stuck)
			.query(String.class)
			.single()).isEqualTo("submitted");
		assertThat(this.router.routeOne(stuck)).isTrue();
		assertThat(count("select count(*) from case_report where report_id = :id", stuck)).isEqualTo(1);
	}

	/**
	 * A report that cannot even be read (here: a submitted report without any URL or
	 * address, as a broken row or an older node could leave) fails its batch, is set
	 * aside and logged, and the reports after it are routed.
	 */
	@Test
	void aReportThatCannotBeReadHoldsUpOnlyItself(CapturedOutput output) {
		long model = file("www." + this.catalog.proxiedZone(), "-model");
		List<String> columns = this.jdbc
			.sql("""
					select column_name from information_schema.columns
					where table_name = 'report' and table_schema = current_schema()
					  and column_name not in ('id', 'tracking_code', 'status', 'fingerprint', 'status_secret_hash', 'decided_at',
					                          'duplicate_of')""")
			.query(String.class)
			.list();
		String list = String.join(", ", columns);
		long broken = this.jdbc
			.sql("insert into report (tracking_code, status, " + list + ") select :code, 'submitted', " + list
					+ " from report where id = :id returning id")
			.param("code", "AD-BROKEN-" + this.catalog.id())
			.param("id", model)
			.query(Long.class)
			.single();
		try {
			long after = file("api." + this.catalog.proxiedZone(), "-after-broken");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> count("select count(*) from case_report where report_id = :id", after) == 1);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> output.getAll().contains("Report " + broken + " could not be routed"));
			assertThat(this.jdbc.sql("select status from report where id = :id")
				.param("id", broken)
				.query(String.class)
				.single()).isEqualTo("submitted");
		}
		finally {
			this.jdbc.sql("delete from report where id = :id").param("id", broken).update();
		}
	}

	private long file(String host, String suffix) {
		Api.Response created = this.api.post("/api/v1/reports/phishing",
				this.catalog.report(host, "send", "send", suffix), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Integer.class).single();
	}

}
