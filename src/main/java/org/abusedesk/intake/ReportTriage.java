package org.abusedesk.intake;

import java.util.Optional;

/**
 * Reports a channel filed without knowing their type (the abuse mailbox's
 * {@code type_unclear}). Such a report is held from its decision until a person picks the
 * type, so that nothing is forwarded, mitigated or told under a type nobody chose; the
 * pick releases it to the router, which decides it once, as a report of that type.
 */
public interface ReportTriage {

	/**
	 * Holds a submitted report from its decision; a report no longer submitted (denied on
	 * arrival) is left as it is. Call it in the transaction that filed the report, so
	 * that the router never sees it unheld.
	 */
	void hold(long reportId);

	/**
	 * Gives a report the type a person picked and, when it was held, releases it: the
	 * router decides it after the caller's transaction commits. Must be called in a
	 * transaction.
	 * @return what changed; empty when there is no such report
	 * @throws org.abusedesk.problems.InvalidInputException (field {@code type}) when the
	 * report cannot be of that type: it names IP addresses and the type takes URLs only
	 * ({@code addresses_not_allowed}), the type needs fields the report does not have
	 * ({@code fields_missing}), a URL of a site's root where the type needs the content's
	 * own ({@code direct_url_required}), or anonymous forwarding the type does not allow
	 * ({@code notify_not_allowed})
	 */
	Optional<TypePicked> pickType(long reportId, ReportType type);

	/**
	 * @param from the type it had
	 * @param to the type picked
	 * @param released whether it was held and now waits for its decision
	 */
	record TypePicked(ReportType from, ReportType to, boolean released) {

	}

}
