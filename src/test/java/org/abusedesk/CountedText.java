package org.abusedesk;

/**
 * A text that counts the characters read from it, so that a test can show work linear in
 * the input by counting rather than timing: a reader that reads each character a bounded
 * number of times reads about twice as many from a text twice as long. Past {@code cap}
 * reads it stops the reader ({@link Stopped}), so that an exponential reader ends.
 */
public final class CountedText implements CharSequence {

	private final String text;

	private final long cap;

	private long reads;

	public CountedText(String text, long cap) {
		this.text = text;
		this.cap = cap;
	}

	public CountedText(String text) {
		this(text, Long.MAX_VALUE);
	}

	/** The characters read so far. */
	public long reads() {
		return this.reads;
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public char charAt(int index) {
		if (++this.reads > this.cap) {
			throw new Stopped();
		}
		return this.text.charAt(index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return this.text.substring(start, end);
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** The reader read more than the cap. */
	public static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
