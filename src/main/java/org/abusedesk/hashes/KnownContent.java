package org.abusedesk.hashes;

import java.util.List;

/**
 * Matches files against the imported known-content lists: MD5 and SHA-256 exactly, PDQ
 * (for images Java can decode) within the configured distance
 * ({@code abusedesk.hashes.pdq-max-distance}, default 31).
 */
public interface KnownContent {

	/** The lists {@code content} is on, best match first; empty when none. */
	List<KnownContentMatch> match(byte[] content);

	/**
	 * Imports a CSV of hashes into a list, creating it when new. Each line is
	 * {@code algorithm,hash} with algorithm {@code md5}, {@code sha256} or {@code pdq}
	 * (an optional header line {@code algorithm,hash} and blank lines are skipped); lines
	 * that are not valid are reported by number and skipped, the others are imported.
	 * Appends one audit entry.
	 * @param csv the file's text
	 * @param list the list's name
	 * @param source where the list comes from (e.g. {@code ncmec}, {@code industry}); a
	 * list from {@code ncmec} is one of child sexual abuse material
	 * @param actor who imports (for the audit log)
	 */
	ImportResult importList(String csv, String list, String source, String actor);

	/**
	 * What an import did.
	 *
	 * @param imported entries added
	 * @param alreadyListed valid entries the list already held
	 * @param rejected one message per invalid line, naming its number
	 */
	record ImportResult(int imported, int alreadyListed, List<String> rejected) {

	}

}
