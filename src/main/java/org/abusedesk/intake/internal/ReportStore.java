package org.abusedesk.intake.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores new reports: the report row with its resolution, its URLs, addresses and
 * evidence files, one report at a time or a batch's chunk at once.
 */
@Repository
class ReportStore {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ReportStore(JdbcClient jdbc, ObjectMapper json) {
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
			.param("accountStatus", (account != null) ? account.status().wire() : null)
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
		columns.put("account_status", (account != null) ? account.status().wire() : null);
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

}
