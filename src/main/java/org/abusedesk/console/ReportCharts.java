package org.abusedesk.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReport.Table;

/**
 * The transparency report as charts the server draws in SVG (no script, no style
 * attribute: positions are SVG attributes, colours CSS classes). Every table of every
 * section becomes one chart, chosen by its columns: times (median inside the 90th
 * percentile), a share of a count (automated decisions), counts split by outcome
 * (stacked, when the outcomes add up to the count), or plain counts. The numbers are also
 * in a table under each chart.
 */
public final class ReportCharts {

	/**
	 * The drawing's width in SVG units (templates/console/transparency.html draws with
	 * the same numbers); bars start after the labels, their words follow them.
	 */
	static final int WIDTH = 760;

	static final int LABEL_WIDTH = 200;

	static final int BAR_WIDTH = 280;

	/** Longer keys are cut on the chart (the numbers table has them whole). */
	static final int MAX_LABEL = 30;

	static final int ROW_HEIGHT = 24;

	private ReportCharts() {
	}

	/** One section of the report with its charts. */
	public record SectionView(String name, String title, List<Chart> charts) {
	}

	/**
	 * @param kind {@code times}, {@code share}, {@code stacked}, {@code counts} or
	 * {@code table} (nothing to draw)
	 * @param legend the segments' names, in the order of their CSS classes
	 */
	public record Chart(String section, String name, String title, String kind, int height, List<String> legend,
			List<Bar> bars, List<String> columns, List<List<String>> rows) {

		public boolean drawn() {
			return !"table".equals(this.kind) && !this.bars.isEmpty();
		}

	}

	/**
	 * One row: its label, its segments and the words after the bar.
	 *
	 * @param value the main number (the count, or the median in seconds)
	 */
	public record Bar(String key, String value, int y, int textY, List<Segment> segments, int valueX,
			String valueText) {

		/**
		 * The key as the chart shows it: a decision ground without its prefix, cut if
		 * long.
		 */
		public String label() {
			String label = this.key.startsWith("DECISION_GROUND_") ? this.key.substring(16) : this.key;
			return (label.length() <= MAX_LABEL) ? label : label.substring(0, MAX_LABEL - 1) + "…";
		}

	}

	/** A rectangle of a bar: {@code css} is {@code seg-0}, {@code seg-1}, ... */
	public record Segment(String column, String value, int x, int width, String css) {
	}

	static List<SectionView> of(TransparencyReport report) {
		return report.sections()
			.stream()
			.map((section) -> new SectionView(section.name(), section.title(),
					section.tables().stream().map((table) -> chart(section.name(), table)).toList()))
			.toList();
	}

	static Chart chart(String section, Table table) {
		List<String> columns = table.columns();
		List<List<String>> cells = table.rows()
			.stream()
			.map((row) -> row.stream().map(ReportCharts::cell).toList())
			.toList();
		if (columns.size() < 2 || table.rows().isEmpty()) {
			return new Chart(section, table.name(), table.title(), "table", 0, List.of(), List.of(), columns, cells);
		}
		if (columns.contains("median_seconds") && columns.contains("p90_seconds")) {
			return times(section, table, cells);
		}
		if (!"count".equals(columns.get(1))) {
			return new Chart(section, table.name(), table.title(), "table", 0, List.of(), List.of(), columns, cells);
		}
		if (columns.size() == 4 && columns.get(3).endsWith("_share")) {
			return share(section, table, cells);
		}
		if (columns.size() > 2 && addsUp(table)) {
			return stacked(section, table, cells);
		}
		return counts(section, table, cells);
	}

	private static Chart counts(String section, Table table, List<List<String>> cells) {
		double max = table.rows().stream().mapToDouble((row) -> number(row.get(1))).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			List<Object> row = table.rows().get(i);
			int width = scale(number(row.get(1)), max);
			List<String> more = new ArrayList<>();
			for (int c = 2; c < table.columns().size(); c++) {
				more.add(table.columns().get(c) + " " + cell(row.get(c)));
			}
			String text = cell(row.get(1)) + (more.isEmpty() ? "" : " (" + String.join(", ", more) + ")");
			bars.add(bar(i, cell(row.get(0)), cell(row.get(1)),
					List.of(new Segment("count", cell(row.get(1)), LABEL_WIDTH, width, "seg-0")), width, text));
		}
		return new Chart(section, table.name(), table.title(), "counts", height(bars.size()), List.of("count"), bars,
				table.columns(), cells);
	}

	private static Chart stacked(String section, Table table, List<List<String>> cells) {
		List<String> parts = table.columns().subList(2, table.columns().size());
		double max = table.rows().stream().mapToDouble((row) -> number(row.get(1))).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			List<Object> row = table.rows().get(i);
			List<Segment> segments = new ArrayList<>();
			int x = LABEL_WIDTH;
			double sum = 0;
			List<String> words = new ArrayList<>();
			for (int p = 0; p < parts.size(); p++) {
				double value = number(row.get(p + 2));
				int start = LABEL_WIDTH + scale(sum, max);
				sum += value;
				int end = LABEL_WIDTH + scale(sum, max);
				if (value > 0) {
					segments.add(new Segment(parts.get(p), cell(row.get(p + 2)), start, end - start, "seg-" + p));
					words.add(parts.get(p) + " " + cell(row.get(p + 2)));
				}
				x = end;
			}
			String text = cell(row.get(1)) + (words.isEmpty() ? "" : ": " + String.join(", ", words));
			bars.add(bar(i, cell(row.get(0)), cell(row.get(1)), segments, x - LABEL_WIDTH, text));
		}
		return new Chart(section, table.name(), table.title(), "stacked", height(bars.size()), parts, bars,
				table.columns(), cells);
	}

	/** {@code key, count, part, part_share}: the part drawn inside the whole. */
	private static Chart share(String section, Table table, List<List<String>> cells) {
		String part = table.columns().get(2);
		double max = table.rows().stream().mapToDouble((row) -> number(row.get(1))).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			List<Object> row = table.rows().get(i);
			double whole = number(row.get(1));
			double some = number(row.get(2));
			int wholeWidth = scale(whole, max);
			int partWidth = scale(some, max);
			List<Segment> segments = new ArrayList<>();
			segments.add(new Segment("count", cell(row.get(1)), LABEL_WIDTH, wholeWidth, "seg-1"));
			if (some > 0) {
				segments.add(new Segment(part, cell(row.get(2)), LABEL_WIDTH, partWidth, "seg-0"));
			}
			String text = cell(row.get(2)) + " of " + cell(row.get(1)) + " " + part.replace('_', ' ') + " ("
					+ percent(row.get(3)) + ")";
			bars.add(bar(i, cell(row.get(0)), cell(row.get(1)), segments, wholeWidth, text));
		}
		return new Chart(section, table.name(), table.title(), "share", height(bars.size()), List.of(part, "count"),
				bars, table.columns(), cells);
	}

	/** The median drawn inside the 90th percentile, both in words. */
	private static Chart times(String section, Table table, List<List<String>> cells) {
		int median = table.columns().indexOf("median_seconds");
		int p90 = table.columns().indexOf("p90_seconds");
		double max = table.rows().stream().mapToDouble((row) -> number(row.get(p90))).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			List<Object> row = table.rows().get(i);
			int p90Width = scale(number(row.get(p90)), max);
			int medianWidth = scale(number(row.get(median)), max);
			List<Segment> segments = List.of(
					new Segment("p90_seconds", cell(row.get(p90)), LABEL_WIDTH, p90Width, "seg-1"),
					new Segment("median_seconds", cell(row.get(median)), LABEL_WIDTH, medianWidth, "seg-0"));
			String text = "median " + duration(row.get(median)) + ", 90% within " + duration(row.get(p90)) + " ("
					+ cell(row.get(1)) + ")";
			bars.add(bar(i, cell(row.get(0)), cell(row.get(median)), segments, p90Width, text));
		}
		return new Chart(section, table.name(), table.title(), "times", height(bars.size()),
				List.of("median_seconds", "p90_seconds"), bars, table.columns(), cells);
	}

	private static Bar bar(int index, String key, String value, List<Segment> segments, int width, String text) {
		int y = 2 + index * ROW_HEIGHT;
		return new Bar(key, value, y + 3, y + 16, segments, LABEL_WIDTH + width + 6, text);
	}

	private static int height(int rows) {
		return 4 + rows * ROW_HEIGHT;
	}

	/** Whether the columns after the count add up to it in every row (outcomes). */
	private static boolean addsUp(Table table) {
		for (List<Object> row : table.rows()) {
			double sum = 0;
			for (int c = 2; c < row.size(); c++) {
				if (!(row.get(c) instanceof Number number)) {
					return false;
				}
				sum += number.doubleValue();
			}
			if (sum != number(row.get(1))) {
				return false;
			}
		}
		return true;
	}

	private static int scale(double value, double max) {
		if (max <= 0 || value <= 0) {
			return 0;
		}
		return Math.max(1, (int) Math.round(BAR_WIDTH * value / max));
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0;
	}

	static String cell(Object value) {
		return (value == null) ? "" : value.toString();
	}

	private static String percent(Object share) {
		if (!(share instanceof Number number)) {
			return "";
		}
		return BigDecimal.valueOf(number.doubleValue() * 100)
			.setScale(1, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString() + "%";
	}

	/** Seconds in words a reader compares at a glance: 52 s, 12 min, 2 h, 3.5 days. */
	static String duration(Object seconds) {
		if (!(seconds instanceof Number number)) {
			return "n/a";
		}
		double s = number.doubleValue();
		if (s < 60) {
			return round(s) + " s";
		}
		if (s < 3600) {
			return round(s / 60) + " min";
		}
		if (s < 86400) {
			return round(s / 3600) + " h";
		}
		return round(s / 86400) + " days";
	}

	private static String round(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
