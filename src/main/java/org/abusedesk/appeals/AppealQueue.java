package org.abusedesk.appeals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.access.Role;

/**
 * The redress work waiting for staff, for the console: open appeals and DMCA
 * counter-notices waiting for their restoration, with their due times; and the decision
 * of an appeal, by the same rules as the API ({@code POST
 * /api/v1/appeals/{id}/decision}).
 */
public interface AppealQueue {

	/**
	 * The open appeals and waiting counter-notices, the one due first first (an overdue
	 * appeal before everything due later).
	 * @param limit how many of each at most
	 */
	List<Item> open(int limit);

	/**
	 * Decides an appeal: {@code upheld}, {@code reversed} or {@code modified}, with a
	 * reason, by a person who took no part in the decision.
	 * @return the outcome recorded, or empty when there is no such appeal
	 * @throws org.abusedesk.problems.InvalidInputException for a missing or unknown
	 * outcome or reason
	 * @throws org.springframework.web.server.ResponseStatusException 403 for whoever took
	 * part in the decision (or may not lift the mitigation), 409 when it is decided
	 * already
	 */
	Optional<String> decide(long appealId, String staff, Role role, String outcome, String reason);

	/**
	 * One piece of redress work.
	 *
	 * @param kind {@code appeal} or {@code counter_notice}
	 * @param id the appeal's or the counter-notice's id
	 * @param caseId the case it concerns, or {@code null}
	 * @param party who filed it: {@code customer} or {@code reporter}
	 * @param decision what is contested, e.g. {@code mitigation:12} or {@code report:7}
	 * @param reason the appeal's reason; {@code dmca} for a counter-notice
	 * @param statement what the appellant says (a counter-notice: the material)
	 * @param filedAt when it was filed
	 * @param dueAt when staff should have decided it; for a counter-notice, when the
	 * content is restored unless the complainant reports a court action
	 */
	record Item(String kind, long id, Long caseId, String party, String decision, String reason, String statement,
			Instant filedAt, Instant dueAt) {

		/** Whether it is past its due time at {@code now}. */
		public boolean overdueAt(Instant now) {
			return this.dueAt.isBefore(now);
		}

	}

}
