package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReportsReceived;
import org.abusedesk.intake.ReportStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a chunk of a batch's valid reports in one transaction, with a handful of
 * statements for the whole chunk instead of about ten per report: the duplicate check
 * (locks, then one query), the ids, the reports with their URLs and addresses, the audit
 * streams. Each report ends up exactly as {@link ReportIntake} stores a single one (same
 * columns, same audit entries, same events), as if the chunk's reports had been sent one
 * after the other in their order.
 */
@Component
class BatchChunks {

	/** A batch item that passed validation and was resolved. */
	record Item(int index, ReportSubmission submission, Resolution resolution) {
	}

	private final ReportStore reports;

	private final DuplicateCheck duplicates;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Duration duplicateWindow;

	BatchChunks(ReportStore reports, DuplicateCheck duplicates, AuditLog audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, IntakeProperties properties) {
		this.reports = reports;
		this.duplicates = duplicates;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.duplicateWindow = properties.duplicateWindow();
	}

	/**
	 * Stores the items in one transaction: all of them, or (when the database refuses
	 * any) none.
	 * @return the receipts, in the order of the items
	 * @throws org.springframework.dao.DataAccessException when the transaction failed;
	 * nothing of the chunk is stored then
	 */
	List<ReportReceipt> store(String channel, String source, List<Item> items, ReporterCredential credential) {
		return this.transaction.execute((status) -> storeInTransaction(channel, source, items, credential));
	}

	private List<ReportReceipt> storeInTransaction(String channel, String source, List<Item> items,
			ReporterCredential credential) {
		List<String> fingerprints = new ArrayList<>(items.size());
		Set<String> distinct = new LinkedHashSet<>();
		for (Item item : items) {
			String fingerprint = Fingerprints.of(item.submission());
			fingerprints.add(fingerprint);
			if (fingerprint != null) {
				distinct.add(fingerprint);
			}
		}
		Map<String, DuplicateCheck.Original> originals = new HashMap<>(
				this.duplicates.lockAndFindOriginals(distinct, this.duplicateWindow));
		List<Long> ids = this.reports.nextIds(items.size());
		Long tokenId = (credential != null) ? credential.tokenId() : null;

		List<ReportStore.NewReport> rows = new ArrayList<>(items.size());
		List<DuplicateCheck.Original> originalOf = new ArrayList<>(items.size());
		List<String> secrets = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			String fingerprint = fingerprints.get(i);
			// an earlier report of this chunk is an original as much as a stored one:
			// the second identical item is a duplicate of the first
			DuplicateCheck.Original original = (fingerprint != null) ? originals.get(fingerprint) : null;
			String denialReason = ReportIntake.denialReason(original, item.resolution());
			ReportStatus status = (denialReason == null) ? ReportStatus.SUBMITTED : ReportStatus.DENIED;
			String trackingCode = TrackingCodes.next();
			String secret = StatusSecrets.next();
			long id = ids.get(i);
			if (fingerprint != null && status == ReportStatus.SUBMITTED) {
				originals.put(fingerprint, new DuplicateCheck.Original(id, trackingCode));
			}
			rows.add(new ReportStore.NewReport(id, channel, source, trackingCode, item.submission(), item.resolution(),
					status, denialReason, (original != null) ? original.id() : null, fingerprint,
					StatusSecrets.hash(secret), tokenId));
			originalOf.add(original);
			secrets.add(secret);
		}
		List<Report> stored = this.reports.insertAll(rows);

		List<AuditLog.NewStream> streams = new ArrayList<>(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			Report report = stored.get(i);
			List<AuditLog.NewEntry> entries = new ArrayList<>(2);
			entries.add(new AuditLog.NewEntry("reporter", "report.received",
					ReportIntake.receivedFacts(report, channel, source)));
			if (report.status() == ReportStatus.DENIED) {
				entries.add(new AuditLog.NewEntry("system", "report.denied",
						ReportIntake.denialFacts(report, originalOf.get(i))));
			}
			streams.add(new AuditLog.NewStream(report.stream(), entries));
		}
		this.audit.startStreams(streams);

		List<ReportReceipt> receipts = new ArrayList<>(stored.size());
		List<Long> received = new ArrayList<>(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			Report report = stored.get(i);
			if (report.status() == ReportStatus.SUBMITTED) {
				received.add(report.id());
			}
			this.events.publishEvent(new ReportFiled(report, secrets.get(i), channel));
			receipts.add(ReportIntake.receipt(report, originalOf.get(i), secrets.get(i)));
		}
		if (!received.isEmpty()) {
			// one wake-up for the router per chunk (docs/adr/0006, 0008)
			this.events.publishEvent(new ReportsReceived(received));
		}
		return receipts;
	}

}
