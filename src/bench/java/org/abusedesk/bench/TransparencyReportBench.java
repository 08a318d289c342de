package org.abusedesk.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The transparency report on a year of history (issue 14): N reports
 * ({@code -Dbench.transparency-reports}, default five million) spread over 2025, seeded
 * in SQL with their decisions' times, one case per ten reports and a restriction on one
 * case in five; then {@code GET /api/v1/transparency/report} for the whole year, timed
 * over HTTP (the first call, cold, and the median of three more). Run alone with
 * {@code -Dbench.only=e2e -Dbench.phases=transparency}.
 */
final class TransparencyReportBench {

	private final Results results;

	private final long reports;

	TransparencyReportBench(Results results, long reports) {
		this.results = results;
		this.reports = reports;
	}

	void run(Path dataDir, String datasourceUrl, int smtpPort, Path log) throws Exception {
		try (AppServer server = AppServer.start(dataDir, datasourceUrl, smtpPort, log,
				List.of("--abusedesk.jobs.enabled=false"))) {
			Database db = new Database(server.jdbcUrl(datasourceUrl));
			HttpLoad http = new HttpLoad(server.port());
			long start = System.nanoTime();
			seed(db);
			double seedSeconds = (System.nanoTime() - start) / 1e9;
			String path = "/api/v1/transparency/report?from=2025-01-01&to=2025-12-31&format=json";
			long[] took = new long[4];
			for (int i = 0; i < took.length; i++) {
				long begin = System.nanoTime();
				HttpResponse<String> response = http.send("GET", path, null, AppServer.ADMIN_TOKEN);
				took[i] = System.nanoTime() - begin;
				if (response.statusCode() != 200) {
					throw new IllegalStateException("report: " + response.statusCode() + " " + response.body());
				}
			}
			long[] warm = Arrays.copyOfRange(took, 1, took.length);
			Arrays.sort(warm);
			Map<String, Object> params = Map.of("reports", db.count("select count(*) from report"), "cases",
					db.count("select count(*) from abuse_case"), "mitigations",
					db.count("select count(*) from mitigation"), "period", "2025 (one year)", "seed_seconds",
					Math.round(seedSeconds), "load", LoadAverage.now());
			this.results.add("transparency report, one year, first call", took[0] / 1e9, "s", params);
			this.results.add("transparency report, one year, median of 3 more", warm[1] / 1e9, "s", params);
		}
	}

	/** Reports, cases and restrictions over 2025, in chunks of a million reports. */
	private void seed(Database db) throws Exception {
		long chunk = 1_000_000;
		long caseBase = db.count("select coalesce(max(id), 0) from abuse_case");
		for (long first = 1; first <= this.reports; first += chunk) {
			long last = Math.min(this.reports, first + chunk - 1);
			System.out.printf("[bench] transparency: seeding reports %d to %d%n", first, last);
			db.execute("""
					insert into abuse_case (id, status, property_id, property, account_ref, report_type, priority,
					    opened_at)
					select %1$d + g / 10, (array['closed', 'actioned', 'forwarded', 'rejected'])[1 + g %% 4],
					    700000000 + g / 10, 'seeded-' || (g / 10) || '.example', 'seeded-' || (g %% 50000),
					    (array['phishing', 'dmca', 'general', 'legal_order', 'trademark'])[1 + (g / 10) %% 5], 'p3',
					    timestamptz '2025-01-01' + make_interval(secs => (g * 31536000.0 / %3$d))
					from generate_series(%4$d, %5$d) g where g %% 10 = 0""".formatted(caseBase, 0, this.reports,
					first, last));
			db.execute("""
					with added as (
					    insert into report (tracking_code, type, status, reporter_kind, notify_host, notify_owner,
					        good_faith, target, services, received_at, decided_at, channel, account_at_risk, details)
					    select 'AD-BENCH-' || g,
					        (array['phishing', 'dmca', 'general', 'legal_order', 'trademark'])[1 + (g / 10) %% 5],
					        (array['accepted', 'accepted', 'accepted', 'denied'])[1 + g %% 4],
					        (array['individual', 'organisation', 'trusted_flagger', 'government', 'automated_feed'])[1 + g %% 5],
					        'send', 'send', true, 'seeded.example', array[(array['hosting', 'proxy', 'dns'])[1 + g %% 3]],
					        ts, ts + make_interval(secs => (g %% 600)), (array['api', 'email', 'form'])[1 + g %% 3],
					        g %% 1000 = 0,
					        case when (g / 10) %% 5 = 3
					             then jsonb_build_object('jurisdiction', (array['DE', 'FR', 'US'])[1 + g %% 3])
					             else '{}'::jsonb end
					    from (select g, timestamptz '2025-01-01' + make_interval(secs => (g * 31536000.0 / %1$d)) as ts
					          from generate_series(%2$d, %3$d) g) s
					    returning id, tracking_code)
					insert into case_report (case_id, report_id)
					select %4$d + cast(substr(tracking_code, 10) as bigint) / 10, id from added
					where cast(substr(tracking_code, 10) as bigint) >= 10""".formatted(this.reports, first, last,
					caseBase));
		}
		db.execute("""
				insert into mitigation (case_id, type, entity_type, status, effective_at, decision_ground, target)
				select c.id, (array['content_disable', 'phishing_interstitial', 'legal_block', 'emergency_block'])[1 + c.id % 4],
				    'url_pattern', 'removed', c.opened_at + interval '2 hours',
				    (array['DECISION_GROUND_INCOMPATIBLE_CONTENT', 'DECISION_GROUND_ILLEGAL_CONTENT'])[1 + c.id % 2],
				    'https://seeded.example/'
				from abuse_case c where c.property like 'seeded-%' and c.id % 5 = 0""");
		db.execute("select setval('abuse_case_id_seq', (select max(id) from abuse_case))");
		db.execute("analyze report");
		db.execute("analyze abuse_case");
		db.execute("analyze case_report");
		db.execute("analyze mitigation");
	}

}
