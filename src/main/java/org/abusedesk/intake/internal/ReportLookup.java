package org.abusedesk.intake.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored reports with their URLs and addresses: by id, by tracking code and status
 * secret, by account; the one place a report row becomes a {@link Report}.
 */
@Repository
class ReportLookup {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ReportLookup(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Report> find(long id) {
		List<String> urls = this.jdbc.sql("select url from report_url where report_id = :id order by position")
			.param("id", id)
			.query(String.class)
			.list();
		List<String> addresses = this.jdbc
			.sql("select address from report_address where report_id = :id order by position")
			.param("id", id)
			.query(String.class)
			.list();
		return this.jdbc.sql("select * from report where id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs, urls, addresses))
			.optional();
	}

	Optional<Report> withStatusSecret(String trackingCode, String secret) {
		record Row(long id, String hash) {
		}
		return this.jdbc.sql("select id, status_secret_hash from report where tracking_code = :code")
			.param("code", trackingCode)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional()
			.filter((row) -> StatusSecrets.matches(secret, row.hash()))
			.flatMap((row) -> find(row.id()));
	}

	List<Report> aboutAccount(String accountRef, int limit, long beforeId) {
		return this.jdbc.sql("""
				select id from report where account_ref = :account and notify_owner <> 'none' and id < :before
				order by id desc limit :limit""")
			.param("account", accountRef)
			.param("before", beforeId)
			.param("limit", limit)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> find(id).orElseThrow())
			.toList();
	}

	List<Report> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> urls = new HashMap<>();
		Map<Long, List<String>> addresses = new HashMap<>();
		Long[] array = ids.toArray(Long[]::new);
		this.jdbc.sql("select report_id, url from report_url where report_id = any(:ids) order by report_id, position")
			.param("ids", array)
			.query((rs, n) -> urls.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		this.jdbc.sql(
				"select report_id, address from report_address where report_id = any(:ids) order by report_id, position")
			.param("ids", array)
			.query((rs, n) -> addresses.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return this.jdbc.sql("select * from report where id = any(:ids) order by id")
			.param("ids", array)
			.query((rs, n) -> map(rs, urls.getOrDefault(rs.getLong("id"), List.of()),
					addresses.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> details(String json) {
		return (json != null) ? this.json.readValue(json, Map.class) : Map.of();
	}

	private Report map(ResultSet rs, List<String> urls, List<String> addresses) throws SQLException {
		String query = urls.isEmpty() ? addresses.get(0) : urls.get(0);
		Resolution resolution;
		if (rs.getObject("account_id") == null) {
			resolution = Resolution.notOurs(query, rs.getString("target"));
		}
		else {
			Account account = new Account(rs.getLong("account_id"), rs.getString("account_ref"),
					rs.getString("account_name"), rs.getString("account_contact"), rs.getBoolean("account_at_risk"),
					AccountStatus.fromWire(rs.getString("account_status")).orElseThrow());
			Origin origin = (rs.getString("origin_address") != null) ? new Origin(rs.getString("origin_address"),
					rs.getString("origin_host_name"), rs.getString("origin_host_contact")) : null;
			resolution = new Resolution(query, rs.getString("target"), account, rs.getLong("property_id"),
					rs.getString("property"), rs.getString("property_kind"), services(rs.getArray("services")), origin);
		}
		Reporter reporter = new Reporter(rs.getString("reporter_name"), rs.getString("reporter_email"),
				ReporterKind.fromWire(rs.getString("reporter_kind")).orElseThrow(),
				rs.getString("reporter_organisation"), rs.getString("reporter_country"));
		return new Report(rs.getLong("id"), rs.getString("tracking_code"),
				ReportType.fromWire(rs.getString("type")).orElseThrow(), status(rs.getString("status")),
				rs.getString("denial_reason"), reporter, urls, addresses, rs.getString("justification"),
				rs.getString("comments"), details(rs.getString("details")),
				NotifyChoice.fromWire(rs.getString("notify_host")).orElseThrow(),
				NotifyChoice.fromWire(rs.getString("notify_owner")).orElseThrow(),
				NotifyChoice.fromWire(rs.getString("notify_ncmec")).orElse(null), resolution,
				rs.getTimestamp("received_at").toInstant());
	}

	private static ReportStatus status(String wire) {
		for (ReportStatus status : ReportStatus.values()) {
			if (status.wire().equals(wire)) {
				return status;
			}
		}
		throw new IllegalStateException("Unknown report status " + wire);
	}

	private static Set<Service> services(Array array) throws SQLException {
		Set<Service> services = EnumSet.noneOf(Service.class);
		for (Object value : (Object[]) array.getArray()) {
			Service.fromWire((String) value).ifPresent(services::add);
		}
		return services;
	}

}
