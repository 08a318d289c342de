package org.abusedesk.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of PDF evidence: read for the detector within its limits, and a damaged,
 * encrypted or too large PDF gives no text and a reason instead of an exception.
 */
class PdfTextTests implements WithQuickTheories {

	private static final String ADDRESS = "221 Baker Street, London, NW1 6XE";

	private static final String PHONE = "+44 20 7123 4567";

	private final PersonalDataDetector detector = PersonalDataDetector.standard();

	@Test
	void theTextOfAPdfGoesThroughTheDetector() {
		byte[] pdf = Pdfs.page("Everyone, this is where Jane Roe lives:", ADDRESS + ".",
				"Call her on " + PHONE + " and tell her what you think.");

		EvidenceText.Reading reading = EvidenceText.read(pdf, "application/pdf");

		assertThat(reading.note()).isNull();
		assertThat(reading.text()).contains(ADDRESS).contains(PHONE);
		assertThat(this.detector.detect(reading.text())).extracting((finding) -> finding.kind().wire())
			.contains("street_address", "phone");
		assertThat(EvidenceText.of(pdf, "application/pdf")).contains(reading.text());
	}

	@Test
	void onlyTheFirstPagesAreRead() {
		List<List<String>> pages = new ArrayList<>();
		for (int i = 1; i <= PdfText.MAX_PAGES + 1; i++) {
			pages.add(List.of("Page " + i + " of the thread."));
		}
		pages.set(PdfText.MAX_PAGES, List.of("Jane Roe, " + ADDRESS + ", " + PHONE));

		EvidenceText.Reading reading = EvidenceText.read(Pdfs.pages(pages), "application/pdf");

		assertThat(reading.text()).contains("Page " + PdfText.MAX_PAGES + " of the thread.")
			.doesNotContain("Page " + (PdfText.MAX_PAGES + 1))
			.doesNotContain("Baker Street");
		assertThat(reading.note())
			.isEqualTo("Only the first " + PdfText.MAX_PAGES + " of " + (PdfText.MAX_PAGES + 1) + " pages read.");
	}

	@Test
	void theTextIsCutAtItsLimit() {
		String line = "x".repeat(99);
		int perPage = 60;
		int pageCount = PdfText.MAX_CHARACTERS / (perPage * (line.length() + 1)) + 1;
		assertThat(pageCount).isLessThanOrEqualTo(PdfText.MAX_PAGES);
		List<List<String>> pages = Collections.nCopies(pageCount, Collections.nCopies(perPage, line));

		EvidenceText.Reading reading = EvidenceText.read(Pdfs.pages(pages), "application/pdf");

		assertThat(reading.text()).hasSizeBetween(PdfText.MAX_CHARACTERS - 2, PdfText.MAX_CHARACTERS);
		assertThat(reading.note()).isEqualTo("Text cut at " + PdfText.MAX_CHARACTERS + " characters.");
	}

	@Test
	void aPdfLargerThanTheLimitIsNotRead() {
		byte[] pdf = Pdfs.paddedTo(PdfText.MAX_BYTES, "Jane Roe, " + ADDRESS + ", " + PHONE);
		assertThat(pdf.length).isGreaterThan(PdfText.MAX_BYTES);

		EvidenceText.Reading reading = EvidenceText.read(pdf, "application/pdf");

		assertThat(reading.text()).isNull();
		assertThat(reading.note()).isEqualTo("PDF not read: it is larger than 4 MiB (" + pdf.length + " bytes).");
	}

	@Test
	void aPdfJustWithinTheLimitIsRead() {
		byte[] padded = Pdfs.paddedTo(PdfText.MAX_BYTES - 4096, "Jane Roe, " + ADDRESS);
		assertThat(padded.length).isBetween(PdfText.MAX_BYTES - 4096, PdfText.MAX_BYTES);

		assertThat(EvidenceText.read(padded, "application/pdf").text()).contains(ADDRESS);
	}

	@Test
	void anEncryptedPdfIsNotRead() {
		EvidenceText.Reading reading = EvidenceText.read(Pdfs.encrypted("secret", "Jane Roe, " + ADDRESS),
				"application/pdf");

		assertThat(reading.text()).isNull();
		assertThat(reading.note()).isEqualTo("PDF not read: it is encrypted.");
	}

	@Test
	void aDamagedPdfIsNotRead() {
		byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF at all"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		EvidenceText.Reading reading = EvidenceText.read(damaged, "application/pdf");

		assertThat(reading.text()).isNull();
		assertThat(reading.note()).isEqualTo("PDF not read: it is damaged or not a PDF.");
	}

	@Test
	void noDamageToAPdfMakesReadingItThrow() {
		byte[] pdf = Pdfs.page("Jane Roe, " + ADDRESS, PHONE);
		qt().withExamples(150).forAll(longs().all(), integers().between(1, 40)).checkAssert((seed, changes) -> {
			SplittableRandom random = new SplittableRandom(seed);
			byte[] damaged = pdf.clone();
			for (int i = 0; i < changes; i++) {
				damaged[5 + random.nextInt(damaged.length - 5)] = (byte) random.nextInt(256);
			}
			byte[] cut = java.util.Arrays.copyOf(damaged, 5 + random.nextInt(damaged.length - 5));
			EvidenceText.Reading reading = EvidenceText.read(random.nextBoolean() ? damaged : cut, "application/pdf");
			assertThat((reading.text() != null) || (reading.note() != null)).isTrue();
		});
	}

}
