package org.abusedesk.content;

import java.util.List;

import org.abusedesk.catalog.Resolution;

/**
 * Snapshots of reported URLs on {@code hosting}, read through the content source the
 * operator configured for that host ({@code abusedesk.content.snapshots.sources}): never
 * from the public internet, never of a {@code proxy} property (we do not hold that
 * content), never from an address no source names. Each snapshot is stored as evidence of
 * the report, with its hash, and is then looked at like any upload.
 */
public interface HostedSnapshots {

	/**
	 * Reads the first URLs of a report
	 * ({@code abusedesk.content.snapshots.urls-per-report}) through the source that
	 * serves its host, in the caller's transaction; what could not be read is noted in
	 * the report's audit stream with the reason.
	 * @param reportId the report the snapshots become evidence of
	 * @param resolution where the report's URLs resolved
	 * @param urls the reported URLs
	 * @return how many snapshots were stored
	 */
	int take(long reportId, Resolution resolution, List<String> urls);

}
