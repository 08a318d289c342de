package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseSearch;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.catalog.Targets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Search on the indexes of V260: each kind of text has its own index (tracking code and
 * addresses by equality, URLs and properties by trigram, the reports' text by full text),
 * the matching case ids are united, and only then are the cases filtered and sorted. The
 * SQL names only the branches and filters given, so the planner sees plain predicates.
 */
@Repository
class CaseSearchStore implements CaseSearch {

	private static final Pattern TRACKING_CODE = Pattern.compile("(?i)AD(-[0-9A-Z]{4}){3}");

	private static final Pattern ADDRESS = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}");

	private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+\\.?");

	/**
	 * The host of a URL, as V260's {@code report_url_host_idx} computes it (userinfo
	 * skipped).
	 */
	private static final String URL_HOST = "left(lower(substring(u.url from "
			+ "'^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')), 255)";

	private static final String TEXT_VECTOR = "to_tsvector('simple', coalesce(r.justification, '') || ' ' || "
			+ "coalesce(r.comments, ''))";

	private final JdbcClient jdbc;

	CaseSearchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Result search(Query query, Actor viewer, int offset, int limit) {
		if (offset < 0 || limit < 1 || offset + limit > MAX_DEPTH) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID,
					"Search shows the first " + MAX_DEPTH + " cases; narrow it down with the filters.");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder(QueueStore.SELECT_ROWS).append(status(query.statuses(), params));
		if (query.type() != null) {
			sql.append(" and c.report_type = :type");
			params.put("type", query.type());
		}
		if (query.service() != null) {
			sql.append(" and :service = any(c.services)");
			params.put("service", query.service());
		}
		String text = (query.text() != null) ? query.text().strip() : "";
		if (!text.isEmpty()) {
			if (text.length() > MAX_TEXT) {
				throw new CaseWorkException(CaseWorkException.Kind.INVALID,
						"Search for at most " + MAX_TEXT + " characters.");
			}
			List<String> branches = branches(text, query.field(), viewer, params);
			if (branches.isEmpty()) {
				return new Result(List.of(), false);
			}
			// the hits first (each branch on its index), then the few cases they name:
			// never
			// a walk of all cases in the sort order probing each
			sql.insert(0, "with hits (case_id) as materialized (" + String.join(" union ", branches) + ") ");
			sql.append(" and c.id in (select case_id from hits)");
		}
		sql.append(" order by ").append(order(query.sort())).append(" limit :limit offset :offset");
		params.put("limit", limit + 1);
		params.put("offset", offset);
		List<CaseQueue.Row> rows = this.jdbc.sql(sql.toString()).params(params).query(QueueStore::row).list();
		boolean more = rows.size() > limit;
		return new Result(more ? List.copyOf(rows.subList(0, limit)) : rows, more);
	}

	/** The subqueries that find case ids for the text, one per place it is looked for. */
	private static List<String> branches(String text, Field field, Actor viewer, Map<String, Object> params) {
		boolean seesReporter = viewer.isAny(CaseViews.SEE_REPORTER);
		Field where = (field != null) ? field : Field.ANYTHING;
		boolean any = where == Field.ANYTHING;
		List<String> branches = new ArrayList<>();
		if (where == Field.REPORTER_EMAIL && !seesReporter) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID,
					"Your role does not see reporters, so it cannot search by their email.");
		}
		boolean substring = text.length() >= MIN_SUBSTRING;
		if ((where == Field.URL || where == Field.HOST) && !substring) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID,
					"Search a URL or host with at least " + MIN_SUBSTRING + " characters.");
		}
		if (where == Field.TRACKING_CODE || (any && TRACKING_CODE.matcher(text).matches())) {
			branches.add(cases("select r.id from report r where r.tracking_code = :code"));
			params.put("code", text.toUpperCase(Locale.ROOT));
		}
		if (where == Field.ADDRESS || (any && ADDRESS.matcher(text).matches())) {
			branches.add(cases("select a.report_id from report_address a where a.address = :address"));
			branches.add(cases("select r.id from report r where r.origin_address = :address"));
			// stored in canonical form (intake's Targets.address), so searched in it too:
			// 2001:db8:0a1b::17 finds 2001:db8:a1b::17
			params.put("address", Targets.address(text).orElse(text));
		}
		boolean host = HOST.matcher(text).matches();
		if (where == Field.URL || (any && substring && !host)) {
			branches.add(cases("select u.report_id from report_url u where u.url ilike :like"));
		}
		if (where == Field.HOST || (any && host)) {
			// a host exactly (an index of equality: trigrams shared by most URLs would
			// make a substring search read them all)
			branches.add(cases("select u.report_id from report_url u where " + URL_HOST + " = :host"));
			params.put("host", text.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
		}
		if (where == Field.HOST || (any && substring)) {
			// the zone or hostname the case is about, by substring: subdomains too
			branches.add("select p.id from abuse_case p where p.property ilike :like");
		}
		if (substring) {
			params.put("like", "%" + escapeLike(text) + "%");
		}
		if (where == Field.ACCOUNT || any) {
			branches.add("select a.id from abuse_case a where a.account_ref = :account");
			params.put("account", text);
		}
		if (seesReporter && (where == Field.REPORTER_EMAIL || (any && text.contains("@")))) {
			branches.add(cases("select r.id from report r where lower(r.reporter_email) = :email"));
			params.put("email", text.toLowerCase(Locale.ROOT));
		}
		if (where == Field.TEXT || any) {
			branches
				.add(cases("select r.id from report r where " + TEXT_VECTOR + " @@ plainto_tsquery('simple', :words)"));
			params.put("words", text);
		}
		return branches;
	}

	/**
	 * The cases of the reports a subquery finds. As an array, so that the planner reads
	 * the reports first and looks each up in {@code case_report}: its estimate of an
	 * expression's matches (a default 0.5% of the reports) would otherwise make it join
	 * every row of {@code case_report}.
	 */
	private static String cases(String reports) {
		return "select cr.case_id from case_report cr where cr.report_id = any(array(" + reports + "))";
	}

	private static String status(Set<CaseStatus> statuses, Map<String, Object> params) {
		if (statuses.equals(Set.copyOf(CaseQueue.OPEN))) {
			return QueueStore.OPEN_SQL;
		}
		if (statuses.equals(Set.copyOf(CaseQueue.CLOSED))) {
			return "c.status in ('actioned', 'forwarded', 'rejected', 'closed')";
		}
		if (statuses.isEmpty() || statuses.containsAll(EnumSet.allOf(CaseStatus.class))) {
			return "true";
		}
		if (statuses.size() == 1) {
			params.put("status", statuses.iterator().next().wire());
			return "c.status = :status";
		}
		params.put("statuses", statuses.stream().map(CaseStatus::wire).sorted().toArray(String[]::new));
		return "c.status = any(cast(:statuses as text[]))";
	}

	private static String order(Sort sort) {
		return switch ((sort != null) ? sort : Sort.NEWEST) {
			case NEWEST -> "c.opened_at desc, c.id desc";
			case OLDEST -> "c.opened_at, c.id";
			case UPDATED -> "c.updated_at desc, c.id desc";
			case URGENT -> "c.priority, coalesce(c.due_at, 'infinity'::timestamptz), c.id";
		};
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
