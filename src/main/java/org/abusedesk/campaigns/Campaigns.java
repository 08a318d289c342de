package org.abusedesk.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.intake.Report;

/**
 * Weaponisation defences (issue 15): campaigns of reports against one customer, the
 * per-target budget of automatic messages, and requests from authorities. The router asks
 * twice in its transaction: before deciding ({@link #suspect}: the facts
 * {@code campaign_suspected} and {@code policy_language_cited} the policy matches), and
 * before attaching reports to cases ({@link #assess}: the budget). The window and
 * thresholds are the active policy version's {@code campaigns} settings.
 */
public interface Campaigns {

	/**
	 * Looks at reports about to be decided against what the same account received in the
	 * window (the reports themselves are already stored): many distinct reporters,
	 * near-identical texts, or many reports through one reporter's API token make a
	 * campaign. Records the requests of authorities ({@code government},
	 * {@code law_enforcement}) for the account view and the transparency report.
	 * @return a verdict for each report, by report id, that spent no budget yet
	 */
	Map<Long, Verdict> suspect(List<Report> reports);

	/**
	 * Spends the targets' budgets of automatic forwards on the suspected reports.
	 * @param suspected what {@link #suspect} said of the reports
	 * @param forwarding the reports whose plans forward them to the host or the owner
	 * @return the final verdict for each report, by report id
	 */
	Map<Long, Verdict> assess(List<Report> reports, Map<Long, Verdict> suspected, Set<Long> forwarding);

	/**
	 * Records that a case holds a campaign, with its evidence; in the caller's
	 * transaction.
	 * @return whether the case was not flagged before
	 */
	boolean flag(long caseId, Evidence evidence);

	/** The campaign flagged on a case, if any. */
	Optional<Evidence> ofCase(long caseId);

	/**
	 * What the desk does with one report.
	 *
	 * @param campaign whether it is part of a campaign ({@code campaign_suspected})
	 * @param holdForwarding whether its text must not be forwarded automatically to the
	 * host and the owner (a campaign, an at-risk account, or the target's budget spent);
	 * a person decides
	 * @param seniorReview whether it needs a senior reviewer (an authority citing the
	 * provider's own policy language)
	 * @param evidence the campaign's evidence, when {@code campaign}
	 */
	record Verdict(boolean campaign, boolean holdForwarding, boolean seniorReview, Evidence evidence) {

		public static final Verdict NONE = new Verdict(false, false, false, null);

	}

	/**
	 * How a campaign shows.
	 *
	 * @param accountRef the account targeted
	 * @param reports how many reports in the window
	 * @param reporters from how many distinct reporters
	 * @param nearIdentical how many of them are near-identical to another from someone
	 * else
	 * @param similarity the highest likeness of two texts (Jaccard over word shingles)
	 * @param countries the reporters' countries, where given
	 * @param since the first report of the window
	 * @param tokenReports the most reports in the window through one reporter's API token
	 * @param tokens the labels of the tokens that filed enough reports to make a campaign
	 * @param policyVersion the policy version whose settings found the campaign
	 */
	record Evidence(String accountRef, int reports, int reporters, int nearIdentical, double similarity,
			List<String> countries, Instant since, int tokenReports, List<String> tokens, String policyVersion) {

		public Evidence {
			countries = List.copyOf(countries);
			tokens = List.copyOf(tokens);
		}

	}

}
