package org.abusedesk.content;

import java.util.List;

/**
 * What a report's content holds, as facts for the policy.
 *
 * @param personalDataKinds the kinds of personal data found in its evidence (wire values,
 * sorted)
 * @param knownContentLists the known-content lists one of its files is on (sorted)
 */
public record ContentFacts(List<String> personalDataKinds, List<String> knownContentLists) {

	public static final ContentFacts NONE = new ContentFacts(List.of(), List.of());

	public ContentFacts {
		personalDataKinds = List.copyOf(personalDataKinds);
		knownContentLists = List.copyOf(knownContentLists);
	}

}
