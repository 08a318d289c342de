package org.abusedesk.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.abusedesk.campaigns.Campaigns;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.DeliveryPreferences;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.intake.Report;
import org.abusedesk.policy.PolicyDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Campaigns} on the report table, with the window and thresholds of the active
 * policy version ({@link CampaignThresholds}): the recent reports of each account in the
 * batch (at most {@code sample} per account, in one statement) are compared, word
 * shingles against word shingles, so that the cost of a flood against one target is
 * bounded whatever its size. The budget of automatic forwards per account is a row locked
 * in a fixed order (by account), so that routers on several nodes neither double-spend
 * nor deadlock.
 */
@Component
class CampaignWatch implements Campaigns {

	/**
	 * Token kinds whose many reports against one account are no campaign by themselves.
	 */
	static final Set<String> BULK_KINDS = Set.of("trusted_flagger", "automated_feed");

	private final JdbcClient jdbc;

	private final CampaignProperties properties;

	private final AuthorityRequests authorityRequests;

	private final DeliveryPreferences delivery;

	private final PolicyDocuments policies;

	CampaignWatch(JdbcClient jdbc, CampaignProperties properties, AuthorityRequests authorityRequests,
			DeliveryPreferences delivery, PolicyDocuments policies) {
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.properties = properties;
		this.authorityRequests = authorityRequests;
		this.policies = policies;
	}

	private record Recent(long id, String accountRef, String reporter, String kind, String country,
			Set<Integer> shingles, Instant receivedAt, Long tokenId, String tokenLabel) {
	}

	@Override
	public Map<Long, Verdict> suspect(List<Report> reports) {
		Map<Long, Verdict> verdicts = new HashMap<>();
		Map<String, List<Report>> byAccount = byAccount(reports, verdicts);
		if (byAccount.isEmpty()) {
			return verdicts;
		}
		CampaignThresholds thresholds = thresholds();
		Set<Long> seniorReview = this.authorityRequests.record(reports);
		Map<String, List<Recent>> recent = recent(new TreeSet<>(byAccount.keySet()), thresholds);
		Map<Long, Long> tokenOf = tokens(reports);
		for (Map.Entry<String, List<Report>> account : byAccount.entrySet()) {
			List<Recent> sample = recent.getOrDefault(account.getKey(), List.of());
			// each new report against the account's recent ones: a batch costs at most
			// its size times the sample, however large the flood
			Map<Long, Integer> alike = new HashMap<>();
			double highest = 0;
			for (Report report : account.getValue()) {
				String reporter = (report.reporter().email() != null)
						? report.reporter().email().toLowerCase(Locale.ROOT) : "anonymous:" + report.id();
				Set<Integer> shingles = Shingles.of(report.justification());
				int near = 0;
				for (Recent other : sample) {
					if (other.id() == report.id() || other.reporter().equals(reporter)) {
						continue;
					}
					double likeness = Shingles.likeness(shingles, other.shingles());
					highest = Math.max(highest, likeness);
					if (likeness >= thresholds.similarity()) {
						near++;
					}
				}
				alike.put(report.id(), near);
			}
			// one reporter's token filing many reports against the account: a campaign
			// of its own, whoever else reports; the kinds the operator grants for bulk
			// reporting (a trusted flagger, an automated feed such as a spam trap)
			// excepted
			Map<Long, Integer> perToken = new HashMap<>();
			Map<Long, String> labels = new HashMap<>();
			for (Recent other : sample) {
				if (other.tokenId() != null && !BULK_KINDS.contains(other.kind())) {
					perToken.merge(other.tokenId(), 1, Integer::sum);
					labels.put(other.tokenId(), other.tokenLabel());
				}
			}
			Set<Long> floodingTokens = new HashSet<>();
			perToken.forEach((token, count) -> {
				if (count >= thresholds.minTokenReports()) {
					floodingTokens.add(token);
				}
			});
			Evidence evidence = evidence(account.getKey(), sample, alike, highest, perToken,
					floodingTokens.stream().map(labels::get).sorted().toList(), thresholds.policyVersion());
			boolean campaign = evidence.reporters() >= thresholds.minReporters()
					|| evidence.nearIdentical() >= thresholds.minNearIdentical();
			for (Report report : account.getValue()) {
				boolean trusted = "trusted_flagger".equals(report.reporter().kind().wire());
				// a trusted flagger's own words are no part of a campaign; a copy of the
				// campaign's text is, whoever sends it
				boolean partOf = (campaign && (!trusted || alike.getOrDefault(report.id(), 0) > 0))
						|| floodingTokens.contains(tokenOf.get(report.id()));
				verdicts.put(report.id(),
						new Verdict(partOf, partOf, seniorReview.contains(report.id()), partOf ? evidence : null));
			}
		}
		return verdicts;
	}

	@Override
	public Map<Long, Verdict> assess(List<Report> reports, Map<Long, Verdict> suspected, Set<Long> forwarding) {
		Map<Long, Verdict> verdicts = new HashMap<>();
		Map<String, List<Report>> byAccount = byAccount(reports, verdicts);
		if (byAccount.isEmpty()) {
			return verdicts;
		}
		CampaignThresholds thresholds = thresholds();
		Map<String, Integer> spent = lockBudgets(new TreeSet<>(byAccount.keySet()), thresholds);
		Map<String, Integer> spentNow = new HashMap<>(spent);
		Map<String, DeliveryPreference> preferences = this.delivery.of(recipients(reports));
		for (Map.Entry<String, List<Report>> account : byAccount.entrySet()) {
			for (Report report : account.getValue()) {
				Verdict suspicion = suspected.getOrDefault(report.id(), Verdict.NONE);
				boolean atRisk = report.resolution().account().atRisk();
				boolean trusted = "trusted_flagger".equals(report.reporter().kind().wire());
				boolean hold = suspicion.campaign();
				// the budget bounds the messages a flood costs; recipients who take
				// digests get one message per digest whatever the flood, so their
				// forwards need none
				if (!hold && forwarding.contains(report.id()) && !trusted && !digested(report, preferences)) {
					int budget = atRisk ? thresholds.atRiskForwardBudget() : thresholds.forwardBudget();
					int used = spentNow.getOrDefault(account.getKey(), 0);
					if (used >= budget) {
						hold = true;
					}
					else {
						spentNow.put(account.getKey(), used + 1);
					}
				}
				verdicts.put(report.id(),
						new Verdict(suspicion.campaign(), hold, suspicion.seniorReview(), suspicion.evidence()));
			}
		}
		saveBudgets(spent, spentNow, thresholds);
		return verdicts;
	}

	private CampaignThresholds thresholds() {
		return CampaignThresholds.of(this.policies.campaignSettings(), this.properties);
	}

	/** The reports with an account, by account; every report gets no verdict first. */
	private static Map<String, List<Report>> byAccount(List<Report> reports, Map<Long, Verdict> verdicts) {
		Map<String, List<Report>> byAccount = new LinkedHashMap<>();
		for (Report report : reports) {
			verdicts.put(report.id(), Verdict.NONE);
			if (report.resolution() != null && report.resolution().account() != null) {
				byAccount.computeIfAbsent(report.resolution().account().ref(), (ref) -> new ArrayList<>()).add(report);
			}
		}
		return byAccount;
	}

	/** The API token each report came through, where one did. */
	private Map<Long, Long> tokens(List<Report> reports) {
		Map<Long, Long> tokens = new HashMap<>();
		this.jdbc.sql("select id, reporter_token_id from report where id = any(:ids) and reporter_token_id is not null")
			.param("ids", reports.stream().map(Report::id).toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getLong("reporter_token_id")))
			.list()
			.forEach((entry) -> tokens.put(entry.getKey(), entry.getValue()));
		return tokens;
	}

	@Override
	public boolean flag(long caseId, Evidence evidence) {
		return this.jdbc
			.sql("""
					insert into case_campaign (case_id, account_ref, reports, reporters, near_identical, similarity,
					    countries, since, token_reports, tokens, policy_version)
					values (:case, :account, :reports, :reporters, :near, :similarity, :countries, :since,
					    :tokenReports, :tokens, :policyVersion)
					on conflict (case_id) do update set reports = greatest(case_campaign.reports, excluded.reports),
					    reporters = greatest(case_campaign.reporters, excluded.reporters),
					    near_identical = greatest(case_campaign.near_identical, excluded.near_identical),
					    similarity = greatest(case_campaign.similarity, excluded.similarity),
					    token_reports = greatest(case_campaign.token_reports, excluded.token_reports),
					    tokens = array(select distinct t from unnest(case_campaign.tokens || excluded.tokens) as t order by t),
					    countries = excluded.countries, policy_version = excluded.policy_version, updated_at = now()
					returning (xmax = 0)""")
			.param("case", caseId)
			.param("account", evidence.accountRef())
			.param("reports", evidence.reports())
			.param("reporters", evidence.reporters())
			.param("near", evidence.nearIdentical())
			.param("similarity", evidence.similarity())
			.param("countries", evidence.countries().toArray(String[]::new))
			.param("since", Timestamp.from(evidence.since()))
			.param("tokenReports", evidence.tokenReports())
			.param("tokens", evidence.tokens().toArray(String[]::new))
			.param("policyVersion", evidence.policyVersion())
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<Evidence> ofCase(long caseId) {
		return this.jdbc.sql("select * from case_campaign where case_id = :case")
			.param("case", caseId)
			.query((rs, n) -> evidence(rs))
			.optional();
	}

	/** The evidence of a {@code case_campaign} row. */
	static Evidence evidence(ResultSet rs) throws SQLException {
		return new Evidence(rs.getString("account_ref"), rs.getInt("reports"), rs.getInt("reporters"),
				rs.getInt("near_identical"), rs.getDouble("similarity"),
				List.of((String[]) rs.getArray("countries").getArray()), rs.getTimestamp("since").toInstant(),
				rs.getInt("token_reports"), List.of((String[]) rs.getArray("tokens").getArray()),
				rs.getString("policy_version"));
	}

	/** The newest reports of each account in the window, at most {@code sample} each. */
	private Map<String, List<Recent>> recent(Set<String> accounts, CampaignThresholds thresholds) {
		Map<String, List<Recent>> recent = new HashMap<>();
		this.jdbc.sql("""
				select r.*, t.label as token_label from unnest(cast(:accounts as text[])) as a(ref)
				cross join lateral (
				    select id, account_ref, coalesce(lower(reporter_email), 'anonymous:' || id) as reporter,
				        reporter_kind, reporter_country, justification, received_at, reporter_token_id
				    from report where account_ref = a.ref and received_at > :since and status <> 'denied'
				    order by received_at desc limit :sample) as r
				left join reporter_token t on t.id = r.reporter_token_id""")
			.param("accounts", accounts.toArray(String[]::new))
			.param("since", Timestamp.from(Instant.now().minus(thresholds.window())))
			.param("sample", this.properties.sample())
			.query((rs, n) -> new Recent(rs.getLong("id"), rs.getString("account_ref"), rs.getString("reporter"),
					rs.getString("reporter_kind"), rs.getString("reporter_country"),
					Shingles.of(rs.getString("justification")), rs.getTimestamp("received_at").toInstant(),
					(Long) rs.getObject("reporter_token_id"), rs.getString("token_label")))
			.list()
			.forEach((row) -> recent.computeIfAbsent(row.accountRef(), (ref) -> new ArrayList<>()).add(row));
		return recent;
	}

	private Evidence evidence(String accountRef, List<Recent> sample, Map<Long, Integer> alike, double highest,
			Map<Long, Integer> perToken, List<String> tokens, String policyVersion) {
		Set<String> reporters = new HashSet<>();
		Set<String> countries = new TreeSet<>();
		Instant since = Instant.now();
		for (Recent report : sample) {
			reporters.add(report.reporter());
			if (report.country() != null) {
				countries.add(report.country().toUpperCase(Locale.ROOT));
			}
			if (report.receivedAt().isBefore(since)) {
				since = report.receivedAt();
			}
		}
		int most = alike.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		return new Evidence(accountRef, sample.size(), reporters.size(), (most > 0) ? most + 1 : 0,
				Math.round(highest * 100) / 100.0, List.copyOf(countries), since,
				perToken.values().stream().mapToInt(Integer::intValue).max().orElse(0), tokens, policyVersion);
	}

	/** Locks the budget rows of the accounts, in their order; what each spent. */
	private Map<String, Integer> lockBudgets(Set<String> accounts, CampaignThresholds thresholds) {
		String[] refs = accounts.toArray(String[]::new);
		this.jdbc.sql("""
				insert into target_budget (account_ref, window_start, spent)
				select ref, now(), 0 from unnest(cast(:refs as text[])) as a(ref) order by ref
				on conflict (account_ref) do nothing""").param("refs", refs).update();
		Map<String, Integer> spent = new HashMap<>();
		this.jdbc.sql("""
				select account_ref, case when window_start < :since then 0 else spent end as spent
				from target_budget where account_ref = any(:refs) order by account_ref for update""")
			.param("refs", refs)
			.param("since", Timestamp.from(Instant.now().minus(thresholds.window())))
			.query((rs, n) -> Map.entry(rs.getString("account_ref"), rs.getInt("spent")))
			.list()
			.forEach((entry) -> spent.put(entry.getKey(), entry.getValue()));
		return spent;
	}

	private void saveBudgets(Map<String, Integer> before, Map<String, Integer> after, CampaignThresholds thresholds) {
		Timestamp since = Timestamp.from(Instant.now().minus(thresholds.window()));
		after.forEach((ref, spent) -> {
			if (!spent.equals(before.get(ref))) {
				this.jdbc.sql("""
						update target_budget set spent = :spent,
						    window_start = case when window_start < :since then now() else window_start end
						where account_ref = :ref""")
					.param("spent", spent)
					.param("since", since)
					.param("ref", ref)
					.update();
			}
		});
	}

	/** The host and owner contacts the reports would be forwarded to. */
	private static Set<String> recipients(List<Report> reports) {
		Set<String> recipients = new TreeSet<>();
		for (Report report : reports) {
			Resolution resolution = report.resolution();
			if (resolution == null || resolution.account() == null) {
				continue;
			}
			if (resolution.account().abuseContact() != null) {
				recipients.add(resolution.account().abuseContact());
			}
			if (resolution.origin() != null && resolution.origin().hostAbuseContact() != null) {
				recipients.add(resolution.origin().hostAbuseContact());
			}
		}
		return recipients;
	}

	/** Whether everyone the report is forwarded to takes digests. */
	private static boolean digested(Report report, Map<String, DeliveryPreference> preferences) {
		Resolution resolution = report.resolution();
		List<String> recipients = new ArrayList<>();
		if (resolution.account().abuseContact() != null) {
			recipients.add(resolution.account().abuseContact());
		}
		if (resolution.origin() != null && resolution.origin().hostAbuseContact() != null) {
			recipients.add(resolution.origin().hostAbuseContact());
		}
		return !recipients.isEmpty() && recipients.stream()
			.allMatch((recipient) -> preferences
				.getOrDefault(recipient.toLowerCase(Locale.ROOT), DeliveryPreference.DEFAULT)
				.digest());
	}

}
