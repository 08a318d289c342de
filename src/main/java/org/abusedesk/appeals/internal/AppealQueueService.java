package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.abusedesk.appeals.AppealQueue;
import org.abusedesk.access.Role;

import org.springframework.stereotype.Service;

/** {@link AppealQueue} on the appeal and counter-notice tables. */
@Service
class AppealQueueService implements AppealQueue {

	private final AppealStore appeals;

	private final CounterNoticeStore counterNotices;

	private final AppealDecisions decisions;

	AppealQueueService(AppealStore appeals, CounterNoticeStore counterNotices, AppealDecisions decisions) {
		this.appeals = appeals;
		this.counterNotices = counterNotices;
		this.decisions = decisions;
	}

	@Override
	public List<Item> open(int limit) {
		List<Item> items = new ArrayList<>();
		for (Appeal appeal : this.appeals.open(limit)) {
			items.add(new Item("appeal", appeal.id(), appeal.caseId(), appeal.party(), appeal.decisionRef(),
					appeal.reason().wire(), appeal.statement(), appeal.filedAt(), appeal.dueAt()));
		}
		for (CounterNotice notice : this.counterNotices.waiting(limit)) {
			items.add(new Item("counter_notice", notice.id(), notice.caseId(), "customer",
					"mitigation:" + notice.mitigationId(), "dmca", notice.form().material(), notice.filedAt(),
					notice.restoreAt()));
		}
		items.sort(Comparator.comparing(Item::dueAt).thenComparing(Item::filedAt));
		return items;
	}

	@Override
	public Optional<String> decide(long appealId, String staff, Role role, String outcome, String reason) {
		return this.decisions.decide(appealId, staff, role, outcome, reason).map(Appeal::outcome);
	}

}
