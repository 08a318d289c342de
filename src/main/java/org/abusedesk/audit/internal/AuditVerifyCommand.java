package org.abusedesk.audit.internal;

import java.util.List;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;

import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk audit verify}: recomputes every hash chain; exit 0 when intact, 1
 * naming the first broken entry.
 */
@Order(20)
class AuditVerifyCommand implements Subcommand {

	@Override
	public String name() {
		return "audit verify";
	}

	@Override
	public List<String> usage() {
		return List.of("audit verify [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, List.of(), List.of());
		if (!split.words().isEmpty()) {
			throw new UsageException();
		}
		return desk.run(split.springArguments(), (context) -> {
			AuditLog.Verification verification = context.getBean(AuditLog.class).verify();
			if (verification.intact()) {
				terminal.out().printf("audit log intact: %d entries checked%n", verification.entriesChecked());
				return 0;
			}
			terminal.out()
				.printf("audit log BROKEN at entry %d: %s (%d entries checked before it)%n",
						verification.firstBrokenEntryId(), verification.problem(), verification.entriesChecked());
			return 1;
		});
	}

}
