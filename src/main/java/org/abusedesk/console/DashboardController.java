package org.abusedesk.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: incoming volume per type, channel and day, the queue's ageing and its
 * overdue cases, the time to first action, and the outbox's health, as charts drawn on
 * the server ({@link BarChart}; nothing loaded from elsewhere, no script needed).
 */
@Controller
class DashboardController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final DashboardNumbers numbers;

	private final PageWords words;

	DashboardController(DashboardNumbers numbers, PageWords words) {
		this.numbers = numbers;
		this.words = words;
	}

	@GetMapping("/console/dashboard")
	String dashboard(Authentication authentication, Model model) {
		Instant now = Instant.now();
		Instant since = now.minus(Duration.ofDays(DashboardNumbers.VOLUME_DAYS));
		model.addAttribute("me", ConsoleActor.of(authentication));
		model.addAttribute("days", DashboardNumbers.VOLUME_DAYS);
		model.addAttribute("perDay",
				BarChart.columns("Reports received per day",
						this.numbers.volumePerDay(now, DashboardNumbers.VOLUME_DAYS)
							.entrySet()
							.stream()
							.map((e) -> new BarChart.Entry(DAY.format(e.getKey()), e.getValue()))
							.toList()));
		model.addAttribute("byType", chart("Reports by type", this.numbers.volumeBy("type", since), "default"));
		model.addAttribute("byChannel",
				chart("Reports by channel", this.numbers.volumeBy("channel", since), "channel"));
		Map<String, Long> ages = this.numbers.queueAges(now);
		model.addAttribute("ages",
				BarChart.horizontal("Open cases by age", ages.entrySet()
					.stream()
					.map((e) -> new BarChart.Entry(e.getKey(), e.getValue(),
							e.getKey().startsWith("under") || e.getKey().startsWith("1 to 4") ? "ok"
									: e.getKey().startsWith("over") || e.getKey().startsWith("3 to") ? "bad" : "warn"))
					.toList()));
		Map<String, Long> overdue = this.numbers.overdue(now);
		model.addAttribute("overdueTotal", overdue.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("overdue", chart("Overdue open cases by priority", overdue, "bad"));
		DashboardNumbers.FirstAction first = this.numbers.firstAction();
		model.addAttribute("first", first);
		model.addAttribute("firstMedian", (first.median() != null) ? this.words.duration(first.median()) : "none yet");
		model.addAttribute("firstP90", (first.p90() != null) ? this.words.duration(first.p90()) : "none yet");
		model.addAttribute("firstChart", chart("Time to first action", first.buckets(), "default"));
		DashboardNumbers.OutboxHealth outbox = this.numbers.outbox(now);
		model.addAttribute("outbox", outbox);
		model.addAttribute("outboxOldest",
				(outbox.oldestPending() != null) ? this.words.duration(outbox.oldestPending()) : "none pending");
		model.addAttribute("outboxChart",
				BarChart.horizontal("Outbox messages by status",
						outbox.byStatus()
							.entrySet()
							.stream()
							.map((e) -> new BarChart.Entry(e.getKey(), e.getValue(), switch (e.getKey()) {
								case "failed" -> "bad";
								case "sent" -> "ok";
								default -> "warn";
							}))
							.toList()));
		model.addAttribute("outboxHealthy", outbox.failedLastDay() == 0
				&& (outbox.oldestPending() == null || outbox.oldestPending().compareTo(Duration.ofHours(1)) < 0));
		return "console/dashboard";
	}

	private BarChart chart(String title, Map<String, Long> counts, String tone) {
		List<BarChart.Entry> entries = counts.entrySet()
			.stream()
			.map((e) -> new BarChart.Entry(this.words.words(e.getKey()), e.getValue(), tone))
			.toList();
		return BarChart.horizontal(title, entries);
	}

}
