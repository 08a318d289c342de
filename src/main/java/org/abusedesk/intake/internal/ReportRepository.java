package org.abusedesk.intake.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.intake.Reports;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ReportRepository implements Reports {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ReportRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a report with its URLs and addresses, in one statement, and answers it as
	 * stored, so that nobody has to read it back.
	 * @param marksRawStored whether the raw submission the source names is this report's
	 * alone, and is marked {@code stored} by the same statement
	 */
	Report insert(String channel, String source, String trackingCode, ReportSubmission report, Resolution resolution,
			ReportStatus status, String denialReason, Long duplicateOf, String fingerprint, String statusSecretHash,
			Long reporterTokenId, boolean marksRawStored) {
		Account account = resolution.account();
		Origin origin = resolution.origin();
		record Inserted(long id, java.time.Instant receivedAt) {
		}
		Inserted inserted = this.jdbc
			.sql("""
					with inserted as (
					    insert into report (tracking_code, channel, source, raw_submission_id, type, status, denial_reason,
					        reporter_name, reporter_email, reporter_kind, reporter_organisation, reporter_country,
					        justification, comments, details, notify_host, notify_owner, notify_ncmec, good_faith,
					        duplicate_of, fingerprint, status_secret_hash, reporter_token_id,
					        target, account_id, account_ref, account_name, account_contact, account_at_risk, account_status,
					        property_id, property, property_kind, services,
					        origin_address, origin_host_name, origin_host_contact)
					    values (:code, :channel, :source, :raw, :type, :status, :denial,
					        :name, :email, :kind, :organisation, :country,
					        :justification, :comments, cast(:details as jsonb), :notifyHost, :notifyOwner, :notifyNcmec, true,
					        :duplicateOf, :fingerprint, :secretHash, :tokenId,
					        :target, :accountId, :accountRef, :accountName, :accountContact, :atRisk, :accountStatus,
					        :propertyId, :property, :propertyKind, cast(:services as text[]),
					        :originAddress, :originHost, :originContact)
					    returning id, received_at),
					urls as (
					    insert into report_url (report_id, position, url)
					    select inserted.id, u.n - 1, u.url
					    from inserted, unnest(cast(:urls as text[])) with ordinality as u(url, n)),
					addresses as (
					    insert into report_address (report_id, position, address)
					    select inserted.id, a.n - 1, a.address
					    from inserted, unnest(cast(:addresses as text[])) with ordinality as a(address, n)),
					raw as (
					    update raw_submission set outcome = 'stored' where id = :raw and :marksRawStored)
					select id, received_at from inserted""")
			.param("code", trackingCode)
			.param("channel", channel)
			.param("source", source)
			.param("raw", source.startsWith("raw_submission:") ? Long.valueOf(source.substring(15)) : null)
			.param("type", report.type().wire())
			.param("status", status.wire())
			.param("denial", denialReason)
			.param("name", report.reporter().name())
			.param("email", report.reporter().email())
			.param("kind", report.reporter().kind().wire())
			.param("organisation", report.reporter().organisation())
			.param("country", report.reporter().country())
			.param("justification", report.justification())
			.param("comments", report.comments())
			.param("details", this.json.writeValueAsString(report.details()))
			.param("notifyNcmec", (report.notifyNcmec() != null) ? report.notifyNcmec().wire() : null)
			.param("duplicateOf", duplicateOf)
			.param("fingerprint", fingerprint)
			.param("secretHash", statusSecretHash)
			.param("tokenId", reporterTokenId)
			.param("notifyHost", report.notifyHost().wire())
			.param("notifyOwner", report.notifyOwner().wire())
			.param("target", resolution.target())
			.param("accountId", (account != null) ? account.id() : null)
			.param("accountRef", (account != null) ? account.ref() : null)
			.param("accountName", (account != null) ? account.name() : null)
			.param("accountContact", (account != null) ? account.abuseContact() : null)
			.param("atRisk", (account != null) ? account.atRisk() : null)
			.param("accountStatus", (account != null) ? account.status() : null)
			.param("propertyId", resolution.ours() ? resolution.propertyId() : null)
			.param("property", resolution.property())
			.param("propertyKind", resolution.propertyKind())
			.param("services",
					"{" + String.join(",", resolution.services().stream().map(Service::wire).sorted().toList()) + "}")
			.param("originAddress", (origin != null) ? origin.address() : null)
			.param("originHost", (origin != null) ? origin.hostName() : null)
			.param("originContact", (origin != null) ? origin.hostAbuseContact() : null)
			.param("urls", report.urls().toArray(new String[0]))
			.param("addresses", report.addresses().toArray(new String[0]))
			.param("marksRawStored", marksRawStored)
			.query((rs, n) -> new Inserted(rs.getLong("id"), rs.getTimestamp("received_at").toInstant()))
			.single();
		long id = inserted.id();
		for (EvidenceFile file : report.documents()) {
			insertEvidence(id, file);
		}
		return new Report(id, trackingCode, report.type(), status, denialReason, report.reporter(), report.urls(),
				report.addresses(), report.justification(), report.comments(), report.details(), report.notifyHost(),
				report.notifyOwner(), report.notifyNcmec(), resolution, inserted.receivedAt());
	}

	/** Ids for reports about to be inserted, in ascending order; one statement. */
	List<Long> nextIds(int count) {
		return this.jdbc
			.sql("select nextval(pg_get_serial_sequence('report', 'id')) from generate_series(1, :count) order by 1")
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/**
	 * A report about to be inserted with others, its id already taken ({@link #nextIds}).
	 */
	record NewReport(long id, String channel, String source, String trackingCode, ReportSubmission report,
			Resolution resolution, ReportStatus status, String denialReason, Long duplicateOf, String fingerprint,
			String statusSecretHash, Long reporterTokenId) {
	}

	/**
	 * Stores many reports, their URLs and their addresses in one statement (the rows
	 * travel as JSON parameters); evidence files one by one. The same columns as
	 * {@link #insert}.
	 * @return the reports as stored, in the order given
	 */
	List<Report> insertAll(List<NewReport> reports) {
		if (reports.isEmpty()) {
			return List.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>(reports.size());
		List<Map<String, Object>> urls = new ArrayList<>();
		List<Map<String, Object>> addresses = new ArrayList<>();
		for (NewReport row : reports) {
			rows.add(columns(row));
			List<String> reportUrls = row.report().urls();
			for (int i = 0; i < reportUrls.size(); i++) {
				urls.add(Map.of("report_id", row.id(), "position", i, "url", reportUrls.get(i)));
			}
			List<String> reportAddresses = row.report().addresses();
			for (int i = 0; i < reportAddresses.size(); i++) {
				addresses.add(Map.of("report_id", row.id(), "position", i, "address", reportAddresses.get(i)));
			}
		}
		// The lists' foreign keys are checked at the end of the statement, when the
		// reports its first part inserts are there.
		Map<Long, Instant> receivedAt = new HashMap<>();
		this.jdbc
			.sql("""
					with inserted as (
					    insert into report (id, tracking_code, channel, source, raw_submission_id, type, status, denial_reason,
					        reporter_name, reporter_email, reporter_kind, reporter_organisation, reporter_country,
					        justification, comments, details, notify_host, notify_owner, notify_ncmec, good_faith,
					        duplicate_of, fingerprint, status_secret_hash, reporter_token_id,
					        target, account_id, account_ref, account_name, account_contact, account_at_risk, account_status,
					        property_id, property, property_kind, services,
					        origin_address, origin_host_name, origin_host_contact)
					    select id, tracking_code, channel, source, raw_submission_id, type, status, denial_reason,
					        reporter_name, reporter_email, reporter_kind, reporter_organisation, reporter_country,
					        justification, comments, details, notify_host, notify_owner, notify_ncmec, true,
					        duplicate_of, fingerprint, status_secret_hash, reporter_token_id,
					        target, account_id, account_ref, account_name, account_contact, account_at_risk, account_status,
					        property_id, property, property_kind, services,
					        origin_address, origin_host_name, origin_host_contact
					    from jsonb_to_recordset(cast(:reports as jsonb)) as r(id bigint, tracking_code text, channel text,
					        source text, raw_submission_id bigint, type text, status text, denial_reason text,
					        reporter_name text, reporter_email text, reporter_kind text, reporter_organisation text,
					        reporter_country text, justification text, comments text, details jsonb, notify_host text,
					        notify_owner text, notify_ncmec text, duplicate_of bigint, fingerprint text,
					        status_secret_hash text, reporter_token_id bigint, target text, account_id bigint,
					        account_ref text, account_name text, account_contact text, account_at_risk boolean,
					        account_status text, property_id bigint, property text, property_kind text, services text[],
					        origin_address text, origin_host_name text, origin_host_contact text)
					    order by id
					    returning id, received_at),
					urls as (
					    insert into report_url (report_id, position, url)
					    select report_id, position, url
					    from jsonb_to_recordset(cast(:urls as jsonb)) as u(report_id bigint, position int, url text)),
					addresses as (
					    insert into report_address (report_id, position, address)
					    select report_id, position, address
					    from jsonb_to_recordset(cast(:addresses as jsonb)) as a(report_id bigint, position int, address text))
					select id, received_at from inserted""")
			.param("reports", this.json.writeValueAsString(rows))
			.param("urls", this.json.writeValueAsString(urls))
			.param("addresses", this.json.writeValueAsString(addresses))
			.query((rs, n) -> receivedAt.put(rs.getLong("id"), rs.getTimestamp("received_at").toInstant()))
			.list();
		List<Report> stored = new ArrayList<>(reports.size());
		for (NewReport row : reports) {
			for (EvidenceFile file : row.report().documents()) {
				insertEvidence(row.id(), file);
			}
			ReportSubmission report = row.report();
			stored.add(new Report(row.id(), row.trackingCode(), report.type(), row.status(), row.denialReason(),
					report.reporter(), report.urls(), report.addresses(), report.justification(), report.comments(),
					report.details(), report.notifyHost(), report.notifyOwner(), report.notifyNcmec(), row.resolution(),
					receivedAt.get(row.id())));
		}
		return stored;
	}

	/** The columns of {@link #insertAll}'s rows, as {@link #insert} sets them. */
	private static Map<String, Object> columns(NewReport row) {
		ReportSubmission report = row.report();
		Resolution resolution = row.resolution();
		Account account = resolution.account();
		Origin origin = resolution.origin();
		Map<String, Object> columns = new HashMap<>();
		columns.put("id", row.id());
		columns.put("tracking_code", row.trackingCode());
		columns.put("channel", row.channel());
		columns.put("source", row.source());
		columns.put("raw_submission_id",
				row.source().startsWith("raw_submission:") ? Long.valueOf(row.source().substring(15)) : null);
		columns.put("type", report.type().wire());
		columns.put("status", row.status().wire());
		columns.put("denial_reason", row.denialReason());
		columns.put("reporter_name", report.reporter().name());
		columns.put("reporter_email", report.reporter().email());
		columns.put("reporter_kind", report.reporter().kind().wire());
		columns.put("reporter_organisation", report.reporter().organisation());
		columns.put("reporter_country", report.reporter().country());
		columns.put("justification", report.justification());
		columns.put("comments", report.comments());
		columns.put("details", report.details());
		columns.put("notify_host", report.notifyHost().wire());
		columns.put("notify_owner", report.notifyOwner().wire());
		columns.put("notify_ncmec", (report.notifyNcmec() != null) ? report.notifyNcmec().wire() : null);
		columns.put("duplicate_of", row.duplicateOf());
		columns.put("fingerprint", row.fingerprint());
		columns.put("status_secret_hash", row.statusSecretHash());
		columns.put("reporter_token_id", row.reporterTokenId());
		columns.put("target", resolution.target());
		columns.put("account_id", (account != null) ? account.id() : null);
		columns.put("account_ref", (account != null) ? account.ref() : null);
		columns.put("account_name", (account != null) ? account.name() : null);
		columns.put("account_contact", (account != null) ? account.abuseContact() : null);
		columns.put("account_at_risk", (account != null) ? account.atRisk() : null);
		columns.put("account_status", (account != null) ? account.status() : null);
		columns.put("property_id", resolution.ours() ? resolution.propertyId() : null);
		columns.put("property", resolution.property());
		columns.put("property_kind", resolution.propertyKind());
		columns.put("services", resolution.services().stream().map(Service::wire).sorted().toList());
		columns.put("origin_address", (origin != null) ? origin.address() : null);
		columns.put("origin_host_name", (origin != null) ? origin.hostName() : null);
		columns.put("origin_host_contact", (origin != null) ? origin.hostAbuseContact() : null);
		return columns;
	}

	void insertEvidence(Long reportId, EvidenceFile file) {
		this.jdbc.sql("""
				insert into evidence (report_id, filename, declared_type, detected_type, size, sha256, content)
				values (:report, :filename, :declared, :detected, :size, :sha, :content)""")
			.param("report", reportId)
			.param("filename", file.filename())
			.param("declared", file.declaredType())
			.param("detected", file.detectedType())
			.param("size", file.content().length)
			.param("sha", RawSubmissionArchive.sha256(file.content()))
			.param("content", file.content())
			.update();
	}

	/** The original of a duplicate: same fingerprint within the window, not denied. */
	Optional<Original> findOriginal(String fingerprint, java.time.Duration window) {
		// serialises identical submissions so that two at once cannot both be originals
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:fingerprint, 0))")
			.param("fingerprint", fingerprint)
			.query((rs, n) -> 1)
			.list();
		return this.jdbc.sql("""
				select id, tracking_code from report
				where fingerprint = :fingerprint and status <> 'denied'
				  and received_at > now() - make_interval(secs => :window)
				order by id limit 1""")
			.param("fingerprint", fingerprint)
			.param("window", window.toSeconds())
			.query((rs, n) -> new Original(rs.getLong("id"), rs.getString("tracking_code")))
			.optional();
	}

	record Original(long id, String trackingCode) {
	}

	/**
	 * {@link #findOriginal} for many fingerprints at once, in two statements however many
	 * there are. The locks are taken in the order of their keys, so that two callers with
	 * overlapping fingerprints wait for each other instead of deadlocking; the originals
	 * are read by a second statement, whose snapshot sees what the earlier holders of
	 * those locks committed, with {@link #findOriginal}'s query for each fingerprint (a
	 * lateral join: one probe of the fingerprint index each, whatever the planner thinks
	 * of the list; an {@code in} list let it scan every report of the window).
	 * @return the original of each fingerprint that has one
	 */
	Map<String, Original> lockAndFindOriginals(Collection<String> fingerprints, java.time.Duration window) {
		if (fingerprints.isEmpty()) {
			return Map.of();
		}
		String list = this.json.writeValueAsString(fingerprints);
		// the locks are taken as the sorted keys come out of the subquery (PostgreSQL
		// also evaluates a volatile function of a sorted query's target list after the
		// sort)
		this.jdbc.sql("""
				select pg_advisory_xact_lock(k)
				from (select distinct hashtextextended(f, 0) as k
				      from jsonb_array_elements_text(cast(:fingerprints as jsonb)) as f) keys
				order by k""").param("fingerprints", list).query((rs, n) -> 1).list();
		Map<String, Original> originals = new HashMap<>();
		this.jdbc.sql("""
				select f.fingerprint, o.id, o.tracking_code
				from jsonb_array_elements_text(cast(:fingerprints as jsonb)) as f(fingerprint)
				cross join lateral (
				    select id, tracking_code from report
				    where fingerprint = f.fingerprint
				      and status <> 'denied' and received_at > now() - make_interval(secs => :window)
				    order by id limit 1) o""")
			.param("fingerprints", list)
			.param("window", window.toSeconds())
			.query((rs, n) -> originals.put(rs.getString("fingerprint"),
					new Original(rs.getLong("id"), rs.getString("tracking_code"))))
			.list();
		return originals;
	}

	@Override
	public Optional<Report> withStatusSecret(String trackingCode, String secret) {
		record Row(long id, String hash) {
		}
		return this.jdbc.sql("select id, status_secret_hash from report where tracking_code = :code")
			.param("code", trackingCode)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional()
			.filter((row) -> StatusSecrets.matches(secret, row.hash()))
			.flatMap((row) -> find(row.id()));
	}

	@Override
	public Optional<Report> find(long id) {
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

	@Override
	public List<Report> aboutAccount(String accountRef, int limit, long beforeId) {
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

	@Override
	public List<Long> markAllDenied(Collection<Long> ids, DenialReason reason) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Long> changed = new ArrayList<>(this.jdbc.sql("""
				update report set status = 'denied', denial_reason = :reason, decided_at = now()
				where id = any(:ids) and status <> 'denied'
				returning id""")
			.param("reason", reason.wire())
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
		Collections.sort(changed);
		return changed;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> claimSubmitted(int limit, Collection<Long> except) {
		return this.jdbc.sql("""
				select id from report where status = 'submitted' and held_for is null and id <> all(:except)
				order by id limit :limit for update skip locked""")
			.param("limit", limit)
			.param("except", except.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	@Override
	public List<Report> findAll(Collection<Long> ids) {
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

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Report> claim(long id) {
		boolean claimed = this.jdbc.sql(
				"select id from report where id = :id and status = 'submitted' and held_for is null for update skip locked")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
		return claimed ? find(id) : Optional.empty();
	}

	@Override
	public int countSubmitted(int atMost) {
		return this.jdbc.sql(
				"select count(*) from (select 1 from report where status = 'submitted' and held_for is null limit :limit) waiting")
			.param("limit", atMost)
			.query(Integer.class)
			.single();
	}

	@Override
	public int markAllAccepted(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update report set status = 'accepted', decided_at = now()
				where id = any(:ids) and status = 'submitted'""").param("ids", ids.toArray(Long[]::new)).update();
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
					rs.getString("account_status"));
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
