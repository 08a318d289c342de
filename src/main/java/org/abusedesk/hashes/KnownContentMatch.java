package org.abusedesk.hashes;

/**
 * A file matched a known-content hash list.
 *
 * @param list the list's name (as imported with {@code --list})
 * @param source where the list came from (as imported with {@code --source})
 * @param algorithm how the matching hash was computed
 * @param hash the listed hash that matched, in hex
 * @param distance the Hamming distance for PDQ; 0 for exact matches
 * @param csam whether the list is one of child sexual abuse material (imported with
 * source {@code ncmec}): a match feeds the case's CyberTipline report
 */
public record KnownContentMatch(String list, String source, HashAlgorithm algorithm, String hash, int distance,
		boolean csam) {

}
