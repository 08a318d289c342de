package org.abusedesk.content;

import java.io.IOException;
import java.io.Writer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a PDF, read with Apache PDFBox within explicit limits: a larger file is not
 * read at all, only the first pages are read and the text is cut at a number of
 * characters. The file is parsed in memory and nothing it references (other files, links,
 * remote content) is fetched: only its text operators are read (PDFBox may look up a font
 * the file does not embed among the fonts installed on this machine). A damaged or
 * encrypted PDF gives no text and a reason, never an exception.
 */
final class PdfText {

	/** The largest PDF read; a larger one is kept as evidence but not read. */
	static final int MAX_BYTES = 4 * 1024 * 1024;

	/** Pages read at most, from the first. */
	static final int MAX_PAGES = 50;

	/** Characters of text kept at most. */
	static final int MAX_CHARACTERS = 200_000;

	private static final Logger logger = LoggerFactory.getLogger(PdfText.class);

	private PdfText() {
	}

	static EvidenceText.Reading read(byte[] content) {
		if (content.length > MAX_BYTES) {
			return EvidenceText.Reading.unread("PDF not read: it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB ("
					+ content.length + " bytes).");
		}
		try (PDDocument document = Loader.loadPDF(content, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setEndPage(MAX_PAGES);
			Bounded text = new Bounded(MAX_CHARACTERS);
			try {
				stripper.writeText(document, text);
			}
			catch (Full ex) {
				// the limit is reached: the text so far is kept
			}
			StringBuilder notes = new StringBuilder();
			int pages = document.getNumberOfPages();
			if (pages > MAX_PAGES) {
				notes.append("Only the first ").append(MAX_PAGES).append(" of ").append(pages).append(" pages read.");
			}
			if (text.full) {
				notes.append((notes.length() > 0) ? " " : "")
					.append("Text cut at ")
					.append(MAX_CHARACTERS)
					.append(" characters.");
			}
			return new EvidenceText.Reading(text.out.toString().strip(),
					(notes.length() > 0) ? notes.toString() : null);
		}
		catch (InvalidPasswordException ex) {
			return EvidenceText.Reading.unread("PDF not read: it is encrypted.");
		}
		catch (IOException | RuntimeException | StackOverflowError ex) {
			logger.info("A PDF could not be read: {}", ex.toString());
			return EvidenceText.Reading.unread("PDF not read: it is damaged or not a PDF.");
		}
	}

	/** Thrown by {@link Bounded} when it holds all it may. */
	private static final class Full extends IOException {

		Full() {
			super("the text limit is reached", null);
		}

	}

	/** A writer that keeps at most a number of characters. */
	private static final class Bounded extends Writer {

		private final StringBuilder out = new StringBuilder();

		private final int max;

		private boolean full;

		Bounded(int max) {
			this.max = max;
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			int room = this.max - this.out.length();
			if (length > room) {
				this.out.append(buffer, offset, room);
				this.full = true;
				throw new Full();
			}
			this.out.append(buffer, offset, length);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
