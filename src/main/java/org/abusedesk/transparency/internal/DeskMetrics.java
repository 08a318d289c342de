package org.abusedesk.transparency.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk's own metrics, for operators to alert on (README, "Operations"; a sample
 * dashboard in {@code docs/grafana-dashboard.json}). They are read from the database, so
 * every node reports the whole desk: aggregate them across nodes with {@code max}, not
 * {@code sum}.
 * <ul>
 * <li>{@code abusedesk_reports_received_total{type, channel}} and
 * {@code abusedesk_decisions_total{rule}}: counters, every report and decision
 * stored;</li>
 * <li>{@code abusedesk_cases_open{status}}, {@code abusedesk_cases_overdue{status}} (due
 * time passed);</li>
 * <li>{@code abusedesk_outbox_backlog{channel}} (messages waiting),
 * {@code abusedesk_outbox_oldest_age_seconds} (the oldest waiting message),
 * {@code abusedesk_outbox_failing{state}} ({@code retrying}: waiting after a failed
 * attempt; {@code failed}: given up);</li>
 * <li>{@code abusedesk_mitigations_active{type}};</li>
 * <li>{@code abusedesk_statements{status}}: statements of reasons {@code waiting} for
 * submission, {@code refused} by the database, ...</li>
 * </ul>
 * Refreshed by {@link DeskMetricsSchedule}; a scrape reads the last values.
 */
@Component
class DeskMetrics {

	static final List<String> OPEN = List.of("new", "triage", "awaiting_customer", "in_review", "awaiting_approval",
			"appealed");

	private final JdbcClient jdbc;

	private final MeterRegistry registry;

	private final IncrementalCounts reports;

	private final IncrementalCounts decisions;

	private final Set<List<String>> reportCounters = new HashSet<>();

	private final Set<List<String>> decisionCounters = new HashSet<>();

	private final MultiGauge openCases;

	private final MultiGauge overdueCases;

	private final MultiGauge outboxBacklog;

	private final MultiGauge outboxFailing;

	private final MultiGauge activeMitigations;

	private final MultiGauge statements;

	private volatile double oldestOutboxAge;

	DeskMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.reports = new IncrementalCounts(jdbc, "report", List.of("type", "channel"));
		this.decisions = new IncrementalCounts(jdbc, "decision", List.of("rule"));
		this.openCases = MultiGauge.builder("abusedesk.cases.open")
			.description("Open cases by status")
			.register(registry);
		this.overdueCases = MultiGauge.builder("abusedesk.cases.overdue")
			.description("Open cases past their due time, by status")
			.register(registry);
		this.outboxBacklog = MultiGauge.builder("abusedesk.outbox.backlog")
			.description("Outbound messages waiting, by channel")
			.register(registry);
		this.outboxFailing = MultiGauge.builder("abusedesk.outbox.failing")
			.description("Outbound messages retrying after a failure, or failed for good")
			.register(registry);
		this.activeMitigations = MultiGauge.builder("abusedesk.mitigations.active")
			.description("Mitigations in force, by type")
			.register(registry);
		this.statements = MultiGauge.builder("abusedesk.statements")
			.description("Statements of reasons by submission status")
			.register(registry);
		registry.gauge("abusedesk.outbox.oldest.age.seconds", Tags.empty(), this, (m) -> m.oldestOutboxAge);
	}

	/** Reads every figure again. */
	synchronized void refresh() {
		this.reports.refresh();
		register(this.reports.counts(), this.reportCounters, "abusedesk.reports.received", "Reports stored",
				List.of("type", "channel"));
		this.decisions.refresh();
		register(this.decisions.counts(), this.decisionCounters, "abusedesk.decisions",
				"Decisions made, by the policy rule that matched", List.of("rule"));
		this.openCases.register(rows("""
				select status, count(*) from abuse_case where status in (:open) group by status""", "status"), true);
		this.overdueCases.register(rows("""
				select status, count(*) from abuse_case where status in (:open) and due_at < now()
				group by status""", "status"), true);
		this.outboxBacklog.register(rows("""
				select channel, count(*) from outbox_message where status in ('pending', 'sending')
				group by channel""", "channel"), true);
		this.outboxFailing.register(rows("""
				select case when status = 'failed' then 'failed' else 'retrying' end, count(*) from outbox_message
				where status = 'failed' or (status = 'pending' and attempts > 0) group by 1""", "state"), true);
		this.activeMitigations.register(rows("""
				select type, count(*) from mitigation where status = 'active' group by type""", "type"), true);
		this.statements.register(rows("""
				select status, count(*) from statement_of_reasons where status <> 'submitted' group by status""",
				"status"), true);
		this.oldestOutboxAge = this.jdbc.sql("""
				select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_message
				where status in ('pending', 'sending')""").query(Double.class).single();
	}

	private List<MultiGauge.Row<?>> rows(String sql, String tag) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.jdbc.sql(sql).param("open", OPEN).query((rs) -> {
			rows.add(MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)));
		});
		return rows;
	}

	private void register(Map<List<String>, Long> counts, Set<List<String>> registered, String name, String description,
			List<String> tags) {
		for (List<String> key : counts.keySet()) {
			if (registered.add(key)) {
				Tags all = Tags.empty();
				for (int i = 0; i < tags.size(); i++) {
					all = all.and(tags.get(i), key.get(i));
				}
				FunctionCounter.builder(name, counts, (c) -> c.getOrDefault(key, 0L))
					.description(description)
					.tags(all)
					.register(this.registry);
			}
		}
	}

}
