package org.abusedesk.referrals.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;
import org.abusedesk.referrals.Referrals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk referrals export}: every referral made, one JSON object a line (what,
 * to whom, on what basis, how far it got and what was sent), for the record.
 */
@Order(70)
class ReferralsCommand implements Subcommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "referrals export";
	}

	@Override
	public List<String> usage() {
		return List.of("referrals export [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, List.of(), List.of());
		if (!split.words().isEmpty()) {
			throw new UsageException();
		}
		return desk.run(split.springArguments(), (context) -> export(context, terminal.out(), terminal.err()));
	}

	private static int export(ApplicationContext context, PrintStream out, PrintStream err) {
		Referrals referrals = context.getBean(Referrals.class);
		int count = 0;
		for (Referrals.Referral referral : referrals.between(Instant.EPOCH, Instant.now().plusSeconds(1),
				Integer.MAX_VALUE)) {
			out.println(JSON.writeValueAsString(line(referral)));
			count++;
		}
		err.printf("referrals export: %d referrals%n", count);
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
