package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.ReportType;

/**
 * Splits the targets of one message into reports the intake accepts: one per customer,
 * one host per URL report, addresses in network abuse ({@code general}) reports, at most
 * 250 targets each. Targets that are not ours are filed too (and denied there).
 */
final class ReportDrafts {

	/**
	 * The types a message can be filed as: those whose required fields an email gives us
	 * (URLs or addresses and a justification). The others (a DMCA notice needs its
	 * signature and statements, a legal order its document) go in as {@code general},
	 * with the sender's words as evidence, for a person to re-type.
	 */
	static final Set<ReportType> ACCEPTED = EnumSet.of(ReportType.GENERAL, ReportType.PHISHING, ReportType.CHILDREN);

	static final int MAX_TARGETS_PER_REPORT = 250;

	/**
	 * @param unclear its targets' type was not said: filed as {@code general} and flagged
	 * {@code type_unclear} for a person to pick
	 */
	record Draft(ReportType type, List<String> urls, List<String> ips, boolean unclear) {

	}

	private ReportDrafts() {
	}

	static ReportType filedAs(ReportType type) {
		return filedAs(type, ACCEPTED);
	}

	static ReportType filedAs(ReportType type, Set<ReportType> fileable) {
		return fileable.contains(type) ? type : ReportType.GENERAL;
	}

	/**
	 * @param targets with their types decided (none {@code null})
	 */
	static List<Draft> group(List<MailTarget> targets, Resolver resolver) {
		return group(targets, resolver, Set.of(), ACCEPTED);
	}

	/**
	 * @param targets with their types decided (none {@code null})
	 * @param unclear the values of the targets whose type was not said (filed apart,
	 * flagged)
	 * @param fileable the types this message can be filed as; others go in as
	 * {@code general}
	 */
	static List<Draft> group(List<MailTarget> targets, Resolver resolver, Set<String> unclear,
			Set<ReportType> fileable) {
		Map<String, Draft> drafts = new LinkedHashMap<>();
		for (MailTarget target : targets) {
			ReportType type = filedAs(target.type(), fileable);
			boolean typeUnclear = unclear.contains(target.value());
			String prefix = typeUnclear ? "unclear " : "";
			if (target.kind() == MailTarget.Kind.ADDRESS) {
				Resolution resolution = resolver.resolve(target.value());
				String customer = resolution.ours() ? "account:" + resolution.account().id() : "not_ours";
				add(drafts, prefix + "ips " + customer, ReportType.GENERAL, null, target.value(), typeUnclear);
			}
			else {
				String url = (target.kind() == MailTarget.Kind.HOST) ? "http://" + target.value() + "/"
						: target.value();
				String host = TargetExtractor.hostOf(url);
				add(drafts, prefix + type.wire() + " host " + host, type, url, null, typeUnclear);
			}
		}
		return List.copyOf(drafts.values());
	}

	private static void add(Map<String, Draft> drafts, String key, ReportType type, String url, String ip,
			boolean unclear) {
		int chunk = 0;
		Draft draft;
		while ((draft = drafts.get(key + " #" + chunk)) != null
				&& draft.urls().size() + draft.ips().size() >= MAX_TARGETS_PER_REPORT) {
			chunk++;
		}
		if (draft == null) {
			draft = new Draft(type, new ArrayList<>(), new ArrayList<>(), unclear);
			drafts.put(key + " #" + chunk, draft);
		}
		if (url != null && !draft.urls().contains(url)) {
			draft.urls().add(url);
		}
		if (ip != null && !draft.ips().contains(ip)) {
			draft.ips().add(ip);
		}
	}

}
