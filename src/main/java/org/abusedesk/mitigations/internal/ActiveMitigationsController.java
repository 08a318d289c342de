package org.abusedesk.mitigations.internal;

import java.util.List;

import org.abusedesk.problems.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The edge's view: the provider's proxy and hosting systems enforce mitigations, and sync
 * them from here. Start with {@code after=0}, apply every item (enforce what is
 * {@code active}, drop anything else with that id), and ask again with
 * {@code after=next_cursor}; {@code has_more} says whether to ask at once.
 */
@RestController
class ActiveMitigationsController {

	static final int MAX_PAGE = 1000;

	record ActiveMitigationsPage(List<MitigationView> mitigations, long nextCursor, boolean hasMore) {
	}

	private final MitigationStore store;

	ActiveMitigationsController(MitigationStore store) {
		this.store = store;
	}

	@GetMapping("/api/v1/mitigations/active")
	ActiveMitigationsPage changes(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "500") int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and " + MAX_PAGE + ".");
		}
		if (after < 0) {
			throw new InvalidInputException("after", "out_of_range", "A cursor from next_cursor, or 0.");
		}
		List<MitigationView> page = this.store.changesAfter(after, limit).stream().map(MitigationView::of).toList();
		long next = page.isEmpty() ? after : page.get(page.size() - 1).changeSeq();
		return new ActiveMitigationsPage(page, next, page.size() == limit);
	}

}
