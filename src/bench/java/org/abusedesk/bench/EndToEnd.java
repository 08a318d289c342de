package org.abusedesk.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end run: abusedesk in a child JVM on PostgreSQL, a generated catalog, an
 * SMTP sink so that forwarded messages really leave, and clients over real HTTP to
 * 127.0.0.1. Phases, each for a fixed time: single reports as fast as the clients go;
 * single reports at 500/s (latency, and report to forwarded message sent); the plain-JDBC
 * ceiling; the case queue with one million open cases; a flood from untrusted clients
 * while a trusted flagger reports; batches. {@code -Dbench.phases=single} runs the single
 * reports, the paced 500/s and the ceiling alone, {@code -Dbench.phases=batch} the batch
 * phase alone, {@code -Dbench.phases=flood} the flood alone at ten times
 * {@code -Dbench.sustainable} (default 200/s), {@code -Dbench.phases=targeted} the
 * targeted flood alone (every report against one customer, at {@code -Dbench.sustainable}),
 * each on a fresh database with the catalog imported first; {@code -Dbench.phases=transparency}
 * the transparency report on a year of {@code -Dbench.transparency-reports} (default five
 * million) seeded reports.
 */
final class EndToEnd {

	static final int CLIENTS = 50;

	static final int POOL = 20;

	static final int PACED_RATE = 500;

	private static final Pattern SECRET = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final Results results;

	private final Path out;

	private final Duration phase;

	private final String datasourceUrl;

	/**
	 * {@code -Dbench.digests=N}: every origin host and owner takes its notices in a digest
	 * every N minutes, with X-ARF attachments (issue 18); empty or 0: each at once, in
	 * prose. Every figure then carries {@code digest_minutes}.
	 */
	static final int DIGEST_MINUTES = Integer.getInteger("bench.digests", 0);

	private final BenchCatalog catalog = new BenchCatalog(2000, DIGEST_MINUTES);

	private long sequence = 1_000_000_000L * (System.currentTimeMillis() % 1000);

	EndToEnd(Results results, Path out, Duration phase, String datasourceUrl) {
		this.results = results;
		this.out = out;
		this.phase = phase;
		this.datasourceUrl = datasourceUrl;
	}

	void run() throws Exception {
		Files.createDirectories(this.out);
		Path dataDir = Files.createTempDirectory("abusedesk-bench-");
		Path log = this.out.resolve("server.log");
		Files.deleteIfExists(log);
		try (SmtpSink smtp = new SmtpSink()) {
			int smtpPort = smtp.port();
			String phases = System.getProperty("bench.phases", "").trim();
			if (phases.equals("batch")) {
				batch(dataDir, smtpPort, log);
				this.results.add("messages received by the SMTP sink", smtp.messages(), "messages", params());
				return;
			}
			if (phases.equals("targeted")) {
				try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log, List.of())) {
					HttpLoad http = new HttpLoad(server.port());
					require(http.send("PUT", "/api/v1/catalog", this.catalog.document(), AppServer.ADMIN_TOKEN), 200);
				}
				targetedFlood(dataDir, smtpPort, log, Double.parseDouble(System.getProperty("bench.sustainable", "200")));
				this.results.add("messages received by the SMTP sink", smtp.messages(), "messages", params());
				return;
			}
			if (phases.equals("transparency")) {
				transparency(dataDir, smtpPort, log);
				return;
			}
			if (phases.equals("flood")) {
				// the flood alone, at ten times -Dbench.sustainable (default 200/s)
				String flagger;
				try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log, List.of())) {
					HttpLoad http = new HttpLoad(server.port());
					require(http.send("PUT", "/api/v1/catalog", this.catalog.document(), AppServer.ADMIN_TOKEN), 200);
					flagger = token(http, "trusted_flagger");
				}
				flood(dataDir, smtpPort, log, Double.parseDouble(System.getProperty("bench.sustainable", "200")),
						flagger);
				return;
			}
			double sustainable;
			String trusted;
			Database db;
			try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log, List.of(
					"--abusedesk.intake.rate-limit.per-address-per-minute=100000000",
					"--abusedesk.intake.rate-limit.per-token-per-minute=100000000",
					"--abusedesk.intake.rate-limit.untrusted-total-per-minute=100000000",
					"--abusedesk.intake.rate-limit.trusted-total-per-minute=100000000"))) {
				db = new Database(server.jdbcUrl(this.datasourceUrl));
				HttpLoad http = new HttpLoad(server.port());
				HttpResponse<String> imported = http.send("PUT", "/api/v1/catalog", this.catalog.document(),
						AppServer.ADMIN_TOKEN);
				require(imported, 200);
				trusted = token(http, "trusted_flagger");
				sustainable = single(server, http, db);
				paced(http, db, PACED_RATE, "paced 500/s");
				if (phases.equals("single")) {
					ceiling(db);
					this.results.add("messages received by the SMTP sink", smtp.messages(), "messages", params());
					return;
				}
				// the same at a rate this node keeps up with, for the latency of the path
				// itself rather than of a queue
				paced(http, db, Math.max(10, Math.floor(sustainable / 2)), "paced at half the single rate");
				ceiling(db);
				console(http, db);
			}
			flood(dataDir, smtpPort, log, sustainable, trusted);
			targetedFlood(dataDir, smtpPort, log, sustainable);
			batch(dataDir, smtpPort, log);
			this.results.add("messages received by the SMTP sink", smtp.messages(), "messages", params());
			transparency(dataDir, smtpPort, log);
		}
	}

	/** The transparency report on a year of {@code -Dbench.transparency-reports} reports. */
	private void transparency(Path dataDir, int smtpPort, Path log) throws Exception {
		long reports = Long.parseLong(System.getProperty("bench.transparency-reports", "5000000").trim());
		new TransparencyReportBench(this.results, reports).run(dataDir, this.datasourceUrl, smtpPort, log);
	}

	/** Closed loop: every client sends its next report when the last is answered. */
	private double single(AppServer server, HttpLoad http, Database db) throws Exception {
		System.out.println("[bench] warm-up, " + CLIENTS + " clients, 10 s");
		http.closedLoop(CLIENTS, Duration.ofSeconds(10), this::singleCall, false);
		drain(db, Duration.ofMinutes(3));
		String before = LoadAverage.now();
		CpuTime cpuBefore = server.cpu();
		HttpLoad.Outcome outcome = http.closedLoop(CLIENTS, this.phase, this::singleCall, false);
		CpuTime cpuPhase = server.cpu().since(cpuBefore);
		Map<String, Object> params = params("clients", CLIENTS, "seconds", this.phase.toSeconds(), "load_before",
				before, "load_after", LoadAverage.now(), "responses", outcome.responses().toString());
		this.results.add("single reports accepted", outcome.perSecond(), "reports/s", params);
		this.results.add("single reports latency p50", outcome.percentileMillis(0.50), "ms", params);
		this.results.add("single reports latency p99", outcome.percentileMillis(0.99), "ms", params);
		this.results.add("single reports latency max", outcome.percentileMillis(1.0), "ms", params);
		this.results.add("single reports errors", outcome.errors(), "responses", params);
		// Accepted is only sustained if decisions and the outbox keep up: what is left?
		long backlog = db.backlog();
		double drained = drain(db, Duration.ofMinutes(5));
		this.results.add("single reports pipeline backlog at end", backlog, "reports+events+messages", params);
		this.results.add("single reports pipeline drain time", drained, "s", params);
		// what the whole node keeps up with: the reports accepted, over the phase and the
		// time the pipeline took afterwards to decide them and send their messages
		this.results.add("single reports sustained (accepted over phase and drain)",
				outcome.accepted() / (outcome.seconds() + drained), "reports/s", params);
		// CPU per accepted report: intake during the phase, and everything after it
		// (decisions, cases, outbox) until the backlog was gone
		CpuTime cpu = server.cpu().since(cpuBefore);
		Map<String, Object> cpuParams = params("accepted", outcome.accepted(), "from",
				"start of the phase to the end of the drain (driver: the phase)");
		this.results.add("CPU per report: server", cpu.server() * 1000 / outcome.accepted(), "ms", cpuParams);
		this.results.add("CPU per report: database", cpu.database() * 1000 / outcome.accepted(), "ms", cpuParams);
		this.results.add("CPU per report: load driver", cpuPhase.driver() * 1000 / outcome.accepted(), "ms",
				cpuParams);
		messagesPerReport(db, outcome, cpuParams);
		return outcome.perSecond();
	}

	/**
	 * What the hosts and owners were sent for the phase's reports: one message each, or
	 * their share of the digests (notices still waiting for a digest are counted apart).
	 */
	private void messagesPerReport(Database db, HttpLoad.Outcome outcome, Map<String, Object> params)
			throws Exception {
		String reports = "report_id between " + outcome.minId() + " and " + outcome.maxId();
		long single = db.count("select count(*) from outbox_message where kind in ('forward_to_host', 'notify_owner') "
				+ "and " + reports);
		long digests = db.count("select count(distinct digest_key) from digest_item where " + reports);
		long held = db.count("select count(*) from digest_item where digest_key is null and " + reports);
		Map<String, Object> counts = new LinkedHashMap<>(params);
		counts.put("single_messages", single);
		counts.put("digests", digests);
		counts.put("notices_held_for_a_digest", held);
		this.results.add("single reports: messages to hosts and owners per report",
				(single + digests) / (double) Math.max(1, outcome.accepted()), "messages", counts);
	}

	private HttpLoad.Call singleCall(long n) {
		return new HttpLoad.Call("/api/v1/reports/phishing", this.catalog.report(this.sequence + n), null);
	}

	/** 500 reports a second; latency, and report to forwarded message sent. */
	private void paced(HttpLoad http, Database db, double rate, String name) throws Exception {
		this.sequence += 100_000_000L;
		String before = LoadAverage.now();
		HttpLoad.Outcome outcome = http.paced(CLIENTS, rate, this.phase, this::singleCall, false);
		Map<String, Object> params = params("rate", Math.round(rate), "clients", CLIENTS, "seconds",
				this.phase.toSeconds(), "load_before", before, "load_after", LoadAverage.now(), "responses",
				outcome.responses().toString());
		this.results.add(name + " accepted", outcome.perSecond(), "reports/s", params);
		this.results.add(name + " latency p50", outcome.percentileMillis(0.50), "ms", params);
		this.results.add(name + " latency p99", outcome.percentileMillis(0.99), "ms", params);
		this.results.add(name + " latency max", outcome.percentileMillis(1.0), "ms", params);
		drain(db, Duration.ofMinutes(5));
		String forwarded = """
				from outbox_message o join report r on r.id = o.report_id
				where o.kind = 'forward_to_host' and o.status = 'sent' and r.id between %d and %d"""
			.formatted(outcome.minId(), outcome.maxId());
		Map<String, Object> outboxParams = new LinkedHashMap<>(params);
		outboxParams.put("from", "report.received_at (201) to outbox_message.sent_at (SMTP accepted)");
		outboxParams.put("messages", db.count("select count(*) " + forwarded));
		for (double p : new double[] { 0.5, 0.99 }) {
			this.results.add(name + ": report to forwarded message sent p" + Math.round(p * 100),
					db.number("select percentile_cont(" + p
							+ ") within group (order by extract(epoch from o.sent_at - r.received_at)) * 1000 "
							+ forwarded),
					"ms", outboxParams);
		}
	}

	private void ceiling(Database db) throws Exception {
		String before = LoadAverage.now();
		double perSecond = JdbcCeiling.run(db.url(), CLIENTS, POOL, this.phase, this.catalog);
		this.results.add("plain JDBC ceiling", perSecond, "reports/s", params("threads", CLIENTS, "pool", POOL,
				"seconds", this.phase.toSeconds(), "load_before", before, "load_after", LoadAverage.now()));
		double api = this.results.value("single reports accepted");
		this.results.add("single reports / plain JDBC ceiling", api / perSecond, "ratio", params());
	}

	/**
	 * The console does not exist yet: the queries behind GET /api/v1/cases and GET
	 * /api/v1/cases/{id}, over HTTP, and the queue ordering (priority, due time) the
	 * console will use, in SQL, with one million open cases.
	 */
	private void console(HttpLoad http, Database db) throws Exception {
		long open = db.count("select count(*) from abuse_case where status not in ('closed', 'rejected')");
		long seed = Math.max(0, 1_000_000 - open);
		long start = System.nanoTime();
		db.execute("""
				insert into abuse_case (status, property_id, property, account_ref, report_type, priority, due_at)
				select (array['triage', 'in_review', 'forwarded', 'awaiting_customer'])[1 + g %% 4], 900000000 + g,
				       'seeded-' || g || '.example', 'seeded-' || (g %% 50000), 'phishing',
				       (array['p1', 'p2', 'p3', 'p4'])[1 + g %% 4], now() + make_interval(mins => ((g::bigint * 7919) %% 100000)::int)
				from generate_series(1, %d) g""".formatted(seed));
		db.execute("analyze abuse_case");
		Map<String, Object> params = params("open_cases",
				db.count("select count(*) from abuse_case where status not in ('closed', 'rejected')"), "seed_seconds",
				Math.round((System.nanoTime() - start) / 1e9), "measured", "client round trip on 127.0.0.1, median of 30");
		long busiest = db
			.count("select case_id from case_report group by case_id order by count(*) desc limit 1");
		long middle = db.count("select min(id) + (max(id) - min(id)) / 2 from abuse_case");
		this.results.add("GET /api/v1/cases?limit=50", medianMillis(http, "/api/v1/cases?limit=50"), "ms", params);
		this.results.add("GET /api/v1/cases?status=triage&limit=50",
				medianMillis(http, "/api/v1/cases?status=triage&limit=50&after=" + middle), "ms", params);
		this.results.add("GET /api/v1/cases/{id} (busiest case)", medianMillis(http, "/api/v1/cases/" + busiest),
				"ms", params("reports", db.count("select count(*) from case_report where case_id = " + busiest)));
		this.results.add("GET /api/v1/cases/{id} (seeded case)", medianMillis(http, "/api/v1/cases/" + middle), "ms",
				params);
		// The console's queue (its branch adds abuse_case_work_queue_idx in V40): open cases
		// by priority, then due time, then id. Measured as the schema stands, and, when that
		// index is not there yet, once more with it created here.
		String queue = """
				select id from abuse_case
				where status in ('new', 'triage', 'awaiting_customer', 'in_review', 'awaiting_approval', 'appealed')
				order by priority, coalesce(due_at, 'infinity'::timestamptz), id limit 50""";
		Map<String, Object> sql = params("measured", "SQL round trip, median of 30", "open_cases",
				params.get("open_cases"));
		boolean indexed = db.count("select count(*) from pg_indexes where indexname = 'abuse_case_work_queue_idx'") > 0;
		this.results.add("queue query (priority, due time), first 50" + (indexed ? "" : ", no queue index"),
				db.medianMillis(queue, 30), "ms", sql);
		if (!indexed) {
			db.execute("""
					create index abuse_case_work_queue_idx on abuse_case
					    (priority, (coalesce(due_at, 'infinity'::timestamptz)), id)
					where status in ('new', 'triage', 'awaiting_customer', 'in_review', 'awaiting_approval', 'appealed')""");
			this.results.add("queue query (priority, due time), first 50, with the queue index",
					db.medianMillis(queue, 30), "ms", sql);
		}
	}

	private double medianMillis(HttpLoad http, String path) throws Exception {
		long[] took = new long[30];
		for (int i = 0; i < took.length; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send("GET", path, null, AppServer.ADMIN_TOKEN);
			took[i] = System.nanoTime() - start;
			require(response, 200);
		}
		java.util.Arrays.sort(took);
		return took[took.length / 2] / 1e6;
	}

	/**
	 * Untrusted clients at ten times the sustainable rate against realistic budgets,
	 * while a trusted flagger reports at 20/s. The per-address budget stays high because
	 * every client here has the address 127.0.0.1; the untrusted total budget is what
	 * holds.
	 */
	private void flood(Path dataDir, int smtpPort, Path log, double sustainable, String trusted) throws Exception {
		int untrustedPerMinute = (int) Math.max(600, sustainable * 60 / 2);
		try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log,
				List.of("--abusedesk.intake.rate-limit.per-address-per-minute=100000000",
						"--abusedesk.intake.rate-limit.untrusted-total-per-minute=" + untrustedPerMinute))) {
			Database db = new Database(server.jdbcUrl(this.datasourceUrl));
			HttpLoad http = new HttpLoad(server.port());
			this.sequence += 100_000_000L;
			double floodRate = 10 * sustainable;
			HttpLoad.Outcome[] outcomes = new HttpLoad.Outcome[2];
			String before = LoadAverage.now();
			Thread flagger = new Thread(() -> {
				try {
					outcomes[1] = http.paced(4, 20, this.phase,
							(n) -> new HttpLoad.Call("/api/v1/reports/phishing",
									this.catalog.tokenReport(this.sequence + 50_000_000L + n), trusted),
							true);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			flagger.start();
			outcomes[0] = http.paced(CLIENTS * 2, floodRate, this.phase, this::singleCall, true);
			flagger.join();
			HttpLoad.Outcome untrusted = outcomes[0];
			HttpLoad.Outcome flagged = outcomes[1];
			long offered = untrusted.responses().values().stream().mapToLong(Long::longValue).sum();
			List<String> codes = new ArrayList<>(untrusted.trackingCodes());
			codes.addAll(flagged.trackingCodes());
			long stored = db.storedReports(codes);
			long flaggerCalls = flagged.responses().values().stream().mapToLong(Long::longValue).sum();
			Map<String, Object> params = params("untrusted_target_rate", Math.round(floodRate),
					"untrusted_offered_rate", Math.round(offered / untrusted.seconds()), "untrusted_budget_per_minute",
					untrustedPerMinute, "untrusted_responses", untrusted.responses().toString(), "flagger_rate", 20,
					"flagger_responses", flagged.responses().toString(), "load_before", before, "load_after",
					LoadAverage.now());
			this.results.add("flood: untrusted offered", offered / untrusted.seconds(), "requests/s", params);
			this.results.add("flood: untrusted accepted", untrusted.perSecond(), "reports/s", params);
			this.results.add("flood: trusted flagger share accepted", (double) flagged.accepted() / flaggerCalls,
					"ratio", params);
			this.results.add("flood: trusted flagger latency p99", flagged.percentileMillis(0.99), "ms", params);
			this.results.add("flood: accepted reports missing from the database", codes.size() - stored, "reports",
					params("accepted", codes.size()));
			this.results.add("flood: server errors", untrusted.errors() + flagged.errors(), "responses", params);
		}
	}

	/**
	 * A targeted flood (issue 15): every report against one proxied customer, from ten
	 * thousand addresses with a campaign's template text, at the sustainable rate. What
	 * it must cost the desk is bounded: one case, and not one message per report to the
	 * host and the owner.
	 */
	private void targetedFlood(Path dataDir, int smtpPort, Path log, double sustainable) throws Exception {
		try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log,
				List.of("--abusedesk.intake.rate-limit.per-address-per-minute=100000000",
						"--abusedesk.intake.rate-limit.untrusted-total-per-minute=100000000"))) {
			Database db = new Database(server.jdbcUrl(this.datasourceUrl));
			HttpLoad http = new HttpLoad(server.port());
			this.sequence += 100_000_000L;
			long first = this.sequence;
			String before = LoadAverage.now();
			CpuTime cpuBefore = server.cpu();
			HttpLoad.Outcome outcome = http.paced(CLIENTS, sustainable, this.phase,
					(n) -> new HttpLoad.Call("/api/v1/reports/general", this.catalog.targetedReport(first + n), null),
					false);
			double drained = drain(db, Duration.ofMinutes(5));
			CpuTime cpu = server.cpu().since(cpuBefore);
			String reports = "select id from report where id between %d and %d and property = 'proxied-0.example'"
				.formatted(outcome.minId(), outcome.maxId());
			Map<String, Object> params = params("rate", Math.round(sustainable), "clients", CLIENTS, "seconds",
					this.phase.toSeconds(), "load_before", before, "load_after", LoadAverage.now(), "responses",
					outcome.responses().toString(), "drain_seconds", Math.round(drained));
			this.results.add("targeted flood: accepted", outcome.perSecond(), "reports/s", params);
			this.results.add("targeted flood: cases for the target",
					db.count("select count(distinct case_id) from case_report where report_id in (" + reports + ")"),
					"cases", params);
			this.results.add("targeted flood: messages to host and owner per report",
					(double) db.count("select count(*) from outbox_message where kind in ('forward_to_host', "
							+ "'notify_owner') and report_id in (" + reports + ")") / Math.max(1, outcome.accepted()),
					"messages/report", params);
			this.results.add("targeted flood: campaign flagged",
					db.count("select count(*) from case_campaign where account_ref = 'bench-0'"), "cases", params);
			this.results.add("targeted flood: CPU per report, server", cpu.server() * 1000 / Math.max(1, outcome.accepted()),
					"ms", params);
		}
	}

	/**
	 * Batches of 500 from 4 clients with an organisation's token, after a warm-up. Besides
	 * the rate, the CPU time the server's JVM and PostgreSQL spent per accepted report
	 * (Linux, embedded database only): on a machine shared with other work, the rate says
	 * more about the neighbours than about abusedesk, the CPU per report much less. It
	 * includes the router's work done during the phase.
	 */
	private void batch(Path dataDir, int smtpPort, Path log) throws Exception {
		try (AppServer server = AppServer.start(dataDir, this.datasourceUrl, smtpPort, log, List.of(
				"--abusedesk.intake.rate-limit.per-address-per-minute=100000000",
				"--abusedesk.intake.rate-limit.per-token-per-minute=100000000",
				"--abusedesk.intake.rate-limit.untrusted-total-per-minute=100000000"))) {
			Database db = new Database(server.jdbcUrl(this.datasourceUrl));
			HttpLoad http = new HttpLoad(server.port());
			if (db.count("select count(*) from account") == 0) {
				require(http.send("PUT", "/api/v1/catalog", this.catalog.document(), AppServer.ADMIN_TOKEN), 200);
			}
			String token = token(http, "organisation");
			int size = 500;
			System.out.println("[bench] batch warm-up, 4 clients, 10 s");
			this.sequence += 100_000_000L;
			http.closedLoop(4, Duration.ofSeconds(10), (n) -> new HttpLoad.Call("/api/v1/reports:batch",
					this.catalog.batch(this.sequence + n * size, size), token), false);
			drain(db, Duration.ofMinutes(5));
			this.sequence += 100_000_000L;
			String before = LoadAverage.now();
			long decidedBefore = db.count("select count(*) from decision");
			double[] cpuBefore = cpuMillis(server.port(), dataDir);
			HttpLoad.Outcome outcome = http.closedLoop(4, this.phase, (n) -> new HttpLoad.Call(
					"/api/v1/reports:batch", this.catalog.batch(this.sequence + n * size, size), token), false);
			double[] cpuAfter = cpuMillis(server.port(), dataDir);
			double jvmCpu = cpuAfter[0] - cpuBefore[0];
			double dbCpu = cpuAfter[1] - cpuBefore[1];
			double cpu = jvmCpu + dbCpu;
			Map<String, Object> params = params("clients", 4, "reports_per_batch", size, "seconds",
					this.phase.toSeconds(), "load_before", before, "load_after", LoadAverage.now(), "responses",
					outcome.responses().toString(), "chunk_size",
					System.getenv().getOrDefault("ABUSEDESK_INTAKE_BATCHCHUNKSIZE", "default"));
			this.results.add("batch reports accepted", outcome.perSecond(), "reports/s", params);
			this.results.add("batch call latency p50", outcome.percentileMillis(0.5), "ms", params);
			Map<String, Object> cpuParams = new LinkedHashMap<>(params);
			cpuParams.put("jvm_cpu_ms", Math.round(jvmCpu));
			cpuParams.put("db_cpu_ms", Math.round(dbCpu));
			cpuParams.put("accepted", outcome.accepted());
			cpuParams.put("measured", "utime+stime of the server JVM and of PostgreSQL's processes during the phase");
			this.results.add("batch CPU per accepted report (server and database)", cpu / outcome.accepted(), "ms",
					cpuParams);
			this.results.add("batch reports/s that 2 cores would take at that CPU cost", 2000 * outcome.accepted() / cpu,
					"reports/s", cpuParams);
			// the decisions behind the batches: how fast does the asynchronous side go?
			long decided = db.count("select count(*) from decision") - decidedBefore;
			Thread.sleep(10_000);
			long decidedLater = db.count("select count(*) from decision") - decidedBefore;
			this.results.add("decisions during the batch phase", decided / outcome.seconds(), "decisions/s", params);
			this.results.add("decisions after it (catching up, 10 s)", (decidedLater - decided) / 10.0,
					"decisions/s", params("backlog", db.backlog()));
		}
	}

	/**
	 * CPU time the server's JVM and the embedded PostgreSQL used so far, in milliseconds:
	 * {jvm, database}, the database being the postmaster, its live children (the
	 * connections) and the children it has reaped. NaN when not on Linux or with an
	 * external database.
	 */
	private double[] cpuMillis(int port, Path dataDir) {
		Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.isReadable(Path.of("/proc/self/stat")) || !Files.isReadable(postmasterPid)
				|| (this.datasourceUrl != null && !this.datasourceUrl.isBlank())) {
			return new double[] { Double.NaN, Double.NaN };
		}
		try {
			// the server is a child of this JVM; its command line names its port
			ProcessHandle jvm = ProcessHandle.current()
				.children()
				.filter((p) -> commandLine(p.pid()).contains("\0--server.port=" + port + "\0"))
				.findFirst()
				.orElseThrow();
			long jvmTicks = cpuTicks(jvm.pid(), false);
			long ticks = 0;
			long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
			ticks += cpuTicks(postmaster, true);
			for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().descendants().toList()) {
				ticks += cpuTicks(child.pid(), true);
			}
			// USER_HZ is 100 on Linux
			return new double[] { jvmTicks * 1000.0 / 100, ticks * 1000.0 / 100 };
		}
		catch (IOException | RuntimeException ex) {
			System.out.println("[bench] no CPU times: " + ex);
			return new double[] { Double.NaN, Double.NaN };
		}
	}

	private static String commandLine(long pid) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** utime + stime (and, with {@code reaped}, cutime + cstime) of a process, in ticks. */
	private static long cpuTicks(long pid, boolean reaped) throws IOException {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return 0; // ended meanwhile
		}
		// the fields after the command name in parentheses, from "state" (field 3) on
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
	}

	private String token(HttpLoad http, String kind) throws Exception {
		HttpResponse<String> issued = http.send("POST", "/api/v1/reporter-tokens", """
				{"label": "bench %1$s", "reporter_kind": "%1$s", "name": "Bench %1$s",
				 "email": "bench-%1$s@flaggers.example", "organisation": "Bench e.V."}""".formatted(kind),
				AppServer.ADMIN_TOKEN);
		require(issued, 201);
		Matcher secret = SECRET.matcher(issued.body());
		if (!secret.find()) {
			throw new IllegalStateException("No token in " + issued.body());
		}
		return secret.group(1);
	}

	/**
	 * Waits until every received report is decided and every message sent.
	 * @return seconds it took
	 */
	private static double drain(Database db, Duration timeout) throws SQLException, InterruptedException {
		long start = System.nanoTime();
		while (db.backlog() > 0) {
			if (System.nanoTime() - start > timeout.toNanos()) {
				System.out.println("[bench] backlog not drained within " + timeout + ": " + db.backlog());
				return Double.NaN;
			}
			Thread.sleep(200);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void require(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static Map<String, Object> params(Object... pairs) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (DIGEST_MINUTES > 0) {
			params.put("digest_minutes", DIGEST_MINUTES);
		}
		for (int i = 0; i < pairs.length; i += 2) {
			params.put((String) pairs[i], pairs[i + 1]);
		}
		return params;
	}

}
