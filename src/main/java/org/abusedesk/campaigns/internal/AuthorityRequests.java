package org.abusedesk.campaigns.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.abusedesk.intake.Report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Government pressure (issue 15): every request from a {@code government} or
 * {@code law_enforcement} reporter is counted per country and target (table
 * {@code authority_request}, for the account view and the transparency report), and one
 * that cites the provider's own policy language (configured phrases) goes to a senior
 * reviewer.
 */
@Component
class AuthorityRequests {

	static final Set<String> KINDS = Set.of("government", "law_enforcement");

	private final JdbcClient jdbc;

	private final CampaignProperties properties;

	AuthorityRequests(JdbcClient jdbc, CampaignProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Records the authorities' requests among {@code reports}.
	 * @return the ids of those that cite policy language
	 */
	Set<Long> record(List<Report> reports) {
		Set<Long> citing = new HashSet<>();
		for (Report report : reports) {
			String kind = report.reporter().kind().wire();
			if (!KINDS.contains(kind) || report.resolution() == null || report.resolution().account() == null) {
				continue;
			}
			List<String> cited = cited(report);
			if (!cited.isEmpty()) {
				citing.add(report.id());
			}
			String country = (report.detail("jurisdiction") != null) ? report.detail("jurisdiction")
					: report.reporter().country();
			this.jdbc.sql("""
					insert into authority_request (report_id, reporter_kind, country, account_ref, property, at_risk,
					    cites_policy, cited_phrases, received_at)
					values (:report, :kind, :country, :account, :property, :atRisk, :cites, :phrases, :received)
					on conflict (report_id) do nothing""")
				.param("report", report.id())
				.param("kind", kind)
				.param("country", (country != null) ? country.toUpperCase(Locale.ROOT) : null)
				.param("account", report.resolution().account().ref())
				.param("property", report.resolution().property())
				.param("atRisk", report.resolution().account().atRisk())
				.param("cites", !cited.isEmpty())
				.param("phrases", cited.toArray(String[]::new))
				.param("received", Timestamp.from(report.receivedAt()))
				.update();
		}
		return citing;
	}

	/** The configured policy phrases the request's words contain. */
	private List<String> cited(Report report) {
		String words = ((report.justification() != null) ? report.justification() : "") + " "
				+ ((report.comments() != null) ? report.comments() : "");
		String text = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		List<String> cited = new ArrayList<>();
		for (String phrase : this.properties.policyPhrases()) {
			if (!phrase.isBlank() && text.contains(phrase.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " "))) {
				cited.add(phrase.strip());
			}
		}
		return cited;
	}

}
