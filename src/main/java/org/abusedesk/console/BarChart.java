package org.abusedesk.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG: the geometry is computed here, the template
 * writes it as attributes (the content security policy allows no inline style) and the
 * stylesheet colours it by class.
 *
 * @param title what it shows, also the SVG's accessible name
 * @param width the view box's width
 * @param height the view box's height
 * @param bars the bars with their places
 * @param horizontal bars from the left (labels beside them) or columns from the bottom
 * (labels under them)
 */
public record BarChart(String title, int width, int height, List<Bar> bars, boolean horizontal) {

	static final int LABEL_WIDTH = 170;

	static final int ROW = 26;

	static final int COLUMN_AREA = 160;

	/**
	 * One bar.
	 *
	 * @param label what it counts
	 * @param value how many
	 * @param tone a class suffix that colours it ({@code chart-bar-<tone>})
	 * @param x where the bar starts
	 * @param y its top
	 * @param w its width
	 * @param h its height
	 * @param labelX where its label is written
	 * @param labelY the label's baseline
	 * @param valueX where its value is written
	 * @param valueY the value's baseline
	 */
	public record Bar(String label, long value, String tone, int x, int y, int w, int h, int labelX, int labelY,
			int valueX, int valueY) {
	}

	/** A value to draw, before it has a place. */
	public record Entry(String label, long value, String tone) {

		public Entry(String label, long value) {
			this(label, value, "default");
		}

	}

	public boolean empty() {
		return this.bars.stream().allMatch((bar) -> bar.value() == 0);
	}

	/** Bars from a label column on the left, one row each, scaled to the largest. */
	static BarChart horizontal(String title, List<Entry> entries) {
		int width = 640;
		int area = width - LABEL_WIDTH - 60;
		long max = Math.max(1, entries.stream().mapToLong(Entry::value).max().orElse(1));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			int y = 6 + i * ROW;
			int w = (int) Math.round((double) entry.value() * area / max);
			bars.add(new Bar(entry.label(), entry.value(), entry.tone(), LABEL_WIDTH, y, Math.max(w, 1), ROW - 8,
					LABEL_WIDTH - 8, y + ROW - 12, LABEL_WIDTH + Math.max(w, 1) + 6, y + ROW - 12));
		}
		return new BarChart(title, width, Math.max(ROW, 12 + entries.size() * ROW), List.copyOf(bars), true);
	}

	/** Columns from a base line, one per entry, scaled to the largest, labels under. */
	static BarChart columns(String title, List<Entry> entries) {
		int width = 640;
		int slot = Math.max(1, (width - 20) / Math.max(1, entries.size()));
		long max = Math.max(1, entries.stream().mapToLong(Entry::value).max().orElse(1));
		int base = 20 + COLUMN_AREA;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			int h = (int) Math.round((double) entry.value() * COLUMN_AREA / max);
			int x = 10 + i * slot;
			int w = Math.max(2, slot - 6);
			bars.add(new Bar(entry.label(), entry.value(), entry.tone(), x, base - Math.max(h, 1), w, Math.max(h, 1),
					x + w / 2, base + 16, x + w / 2, base - Math.max(h, 1) - 4));
		}
		return new BarChart(title, width, base + 24, List.copyOf(bars), false);
	}

}
