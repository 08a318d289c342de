package org.abusedesk.cases;

import java.util.Collection;
import java.util.Set;

/**
 * Which customer accounts are repeat infringers now (the {@code repeat_infringer} fact of
 * a decision): implemented by the module that keeps the strikes ({@code appeals}), asked
 * by the router once per batch of reports.
 */
public interface RepeatInfringers {

	/** Those of {@code accountRefs} that are repeat infringers. */
	Set<String> among(Collection<String> accountRefs);

}
