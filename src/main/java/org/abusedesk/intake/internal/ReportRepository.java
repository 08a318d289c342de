package org.abusedesk.intake.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
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

@Repository
class ReportRepository implements Reports {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ReportRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Stores a report and answers it as stored, so that nobody has to read it back. */
	Report insert(String channel, String source, String trackingCode, ReportSubmission report, Resolution resolution,
			ReportStatus status, String denialReason, Long duplicateOf, String fingerprint, String statusSecretHash,
			Long reporterTokenId) {
		Account account = resolution.account();
		Origin origin = resolution.origin();
		record Inserted(long id, java.time.Instant receivedAt) {
		}
		Inserted inserted = this.jdbc.sql("""
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
				returning id, received_at""")
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
			.query((rs, n) -> new Inserted(rs.getLong("id"), rs.getTimestamp("received_at").toInstant()))
			.single();
		long id = inserted.id();
		// one statement per list, not per row (the list travels as one JSON parameter;
		// a Java array would be expanded into an IN list)
		if (!report.urls().isEmpty()) {
			this.jdbc.sql("""
					insert into report_url (report_id, position, url)
					select :id, u.n - 1, u.url from jsonb_array_elements_text(cast(:urls as jsonb))
					    with ordinality as u(url, n)""")
				.param("id", id)
				.param("urls", this.json.writeValueAsString(report.urls()))
				.update();
		}
		for (EvidenceFile file : report.documents()) {
			insertEvidence(id, file);
		}
		if (!report.addresses().isEmpty()) {
			this.jdbc.sql("""
					insert into report_address (report_id, position, address)
					select :id, a.n - 1, a.address from jsonb_array_elements_text(cast(:addresses as jsonb))
					    with ordinality as a(address, n)""")
				.param("id", id)
				.param("addresses", this.json.writeValueAsString(report.addresses()))
				.update();
		}
		return new Report(id, trackingCode, report.type(), status, denialReason, report.reporter(), report.urls(),
				report.addresses(), report.justification(), report.comments(), report.details(), report.notifyHost(),
				report.notifyOwner(), report.notifyNcmec(), resolution, inserted.receivedAt());
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
	public boolean markDenied(long id, DenialReason reason) {
		return this.jdbc.sql("""
				update report set status = 'denied', denial_reason = :reason, decided_at = now()
				where id = :id and status <> 'denied'""").param("reason", reason.wire()).param("id", id).update() == 1;
	}

	@Override
	public boolean markAccepted(long id) {
		return this.jdbc.sql("""
				update report set status = 'accepted', decided_at = now()
				where id = :id and status = 'submitted'""").param("id", id).update() == 1;
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
