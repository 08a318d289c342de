package org.abusedesk.content.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.content.HostedSnapshots;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes snapshots through the configured sources and stores them in the {@code evidence}
 * table ({@code source = 'snapshot'}, with the URL read for), where the router's content
 * facts and the console find them as they find uploads.
 */
@Component
@EnableConfigurationProperties(SnapshotProperties.class)
class Snapshots implements HostedSnapshots {

	/** The longest filename kept for a snapshot (the URL it was taken of). */
	static final int MAX_FILENAME = 300;

	private record Configured(SnapshotProperties.Source source, SnapshotTemplate template) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final List<Configured> sources;

	private final SnapshotFetcher fetcher;

	private final int urlsPerReport;

	Snapshots(JdbcClient jdbc, AuditLog audit, SnapshotProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		List<Configured> configured = new ArrayList<>();
		for (SnapshotProperties.Source source : properties.sources()) {
			configured.add(new Configured(source, new SnapshotTemplate(source.urlTemplate())));
		}
		this.sources = List.copyOf(configured);
		this.fetcher = new SnapshotFetcher(properties.maxBytes(), properties.timeout(), properties.types());
		this.urlsPerReport = properties.urlsPerReport();
	}

	@Override
	public int take(long reportId, Resolution resolution, List<String> urls) {
		if (this.sources.isEmpty() || resolution == null || !resolution.ours()
				|| !resolution.services().contains(Service.HOSTING) || resolution.services().contains(Service.PROXY)
				|| urls == null || urls.isEmpty()) {
			return 0;
		}
		Configured configured = this.sources.stream()
			.filter((each) -> each.source().serves(resolution.target()))
			.findFirst()
			.orElse(null);
		if (configured == null) {
			return 0;
		}
		int taken = 0;
		for (String url : urls.stream().distinct().limit(this.urlsPerReport).toList()) {
			SnapshotTemplate.Expanded expanded = configured.template().expand(url, resolution.target());
			SnapshotFetcher.Fetched fetched = (expanded.url() != null) ? this.fetcher.fetch(expanded.url())
					: SnapshotFetcher.Fetched.refused(expanded.refusal());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("url", url);
			details.put("source", configured.source().name());
			if (fetched.taken()) {
				long evidenceId = store(reportId, url, fetched);
				details.put("evidence_id", evidenceId);
				details.put("media_type", fetched.mediaType());
				details.put("size", fetched.content().length);
				details.put("sha256", sha256(fetched.content()));
				this.audit.append("report:" + reportId, "system", "report.snapshot_taken", details);
				taken++;
			}
			else {
				details.put("reason", fetched.refusal());
				this.audit.append("report:" + reportId, "system", "report.snapshot_refused", details);
			}
		}
		return taken;
	}

	private long store(long reportId, String url, SnapshotFetcher.Fetched fetched) {
		String filename = "snapshot of " + url;
		if (filename.length() > MAX_FILENAME) {
			filename = filename.substring(0, MAX_FILENAME - 1) + "…";
		}
		return this.jdbc.sql("""
				insert into evidence (report_id, filename, declared_type, detected_type, size, sha256, content, source,
				    source_url)
				values (:report, :filename, :type, :type, :size, :sha256, :content, 'snapshot', :url) returning id""")
			.param("report", reportId)
			.param("filename", filename)
			.param("type", fetched.mediaType())
			.param("size", fetched.content().length)
			.param("sha256", sha256(fetched.content()))
			.param("content", fetched.content())
			.param("url", url)
			.query(Long.class)
			.single();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
