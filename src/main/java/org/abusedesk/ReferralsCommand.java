package org.abusedesk;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.referrals.Referrals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code abusedesk referrals export}: every referral made, one JSON object a line (what,
 * to whom, on what basis, how far it got and what was sent), for the record.
 */
final class ReferralsCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReferralsCommand() {
	}

	static int export(ConfigurableApplicationContext context, PrintStream out) {
		Referrals referrals = context.getBean(Referrals.class);
		int count = 0;
		for (Referrals.Referral referral : referrals.between(Instant.EPOCH, Instant.now().plusSeconds(1),
				Integer.MAX_VALUE)) {
			out.println(JSON.writeValueAsString(line(referral)));
			count++;
		}
		System.err.printf("referrals export: %d referrals%n", count);
		return 0;
	}

	private static Map<String, Object> line(Referrals.Referral referral) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", referral.id());
		line.put("case_id", referral.caseId());
		line.put("kind", referral.kind());
		line.put("authority", referral.authority());
		line.put("country", referral.country());
		line.put("channel", referral.channel());
		line.put("recipient", referral.recipient());
		line.put("basis", referral.basis());
		line.put("requested_by", referral.requestedBy());
		line.put("status", referral.status());
		line.put("external_id", referral.externalId());
		line.put("created_at", referral.createdAt().toString());
		line.put("submitted_at", (referral.submittedAt() != null) ? referral.submittedAt().toString() : null);
		line.put("content", referral.content());
		return line;
	}

}
