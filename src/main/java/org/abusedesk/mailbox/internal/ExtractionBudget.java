package org.abusedesk.mailbox.internal;

/**
 * The work the indicator extraction of one message may do, counted as the characters its
 * patterns and scanners read ({@link CharSequence#charAt} calls). Counting reads instead
 * of measuring time keeps it deterministic: the same message stops at the same place
 * however busy the machine is. Extraction reads each character a few times (it is linear
 * in the text), so the budget bounds the time one message can hold a thread, an SMTP
 * session included; beyond it the extraction stops and notes a problem, keeping what it
 * found.
 */
final class ExtractionBudget {

	private final long limit;

	private long reads;

	/**
	 * @param limit the characters that may be read, {@link Long#MAX_VALUE} to only count
	 */
	ExtractionBudget(long limit) {
		this.limit = limit;
	}

	/** The text, read through this budget. */
	CharSequence over(CharSequence text) {
		return new Counted(text);
	}

	/** Characters read so far. */
	long reads() {
		return this.reads;
	}

	long limit() {
		return this.limit;
	}

	boolean spent() {
		return this.reads >= this.limit;
	}

	/** Thrown out of a pattern or scanner when the budget is spent. */
	static final class Spent extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Spent() {
			super("indicator extraction budget spent", null, false, false);
		}

	}

	private final class Counted implements CharSequence {

		private final CharSequence text;

		Counted(CharSequence text) {
			this.text = text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			if (ExtractionBudget.this.reads >= ExtractionBudget.this.limit) {
				throw new Spent();
			}
			ExtractionBudget.this.reads++;
			return this.text.charAt(index);
		}

		/** Copies out what was found (a match): not a search, so not counted. */
		@Override
		public CharSequence subSequence(int start, int end) {
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
