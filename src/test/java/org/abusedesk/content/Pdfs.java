package org.abusedesk.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Small PDFs made with PDFBox for the tests: pages of lines of text, optionally padded
 * with incompressible bytes or encrypted with a user password.
 */
public final class Pdfs {

	private Pdfs() {
	}

	/** A PDF with one page per element, each page the given lines. */
	public static byte[] pages(List<List<String>> pages) {
		return make(pages, 0, null);
	}

	/** A PDF with one page of the given lines. */
	public static byte[] page(String... lines) {
		return pages(List.of(List.of(lines)));
	}

	/**
	 * A PDF of one page of the given lines, padded with random bytes to more than
	 * {@code size}.
	 */
	public static byte[] paddedTo(int size, String... lines) {
		return make(List.of(List.of(lines)), size, null);
	}

	/** A PDF of one page of the given lines that only opens with {@code password}. */
	public static byte[] encrypted(String password, String... lines) {
		return make(List.of(List.of(lines)), 0, password);
	}

	private static byte[] make(List<List<String>> pages, int padding, String password) {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (List<String> lines : pages) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 9);
					content.setLeading(11);
					content.newLineAtOffset(36, 750);
					for (String line : lines) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			if (padding > 0) {
				byte[] noise = new byte[padding];
				new Random(padding).nextBytes(noise);
				PDStream stream = new PDStream(document, new ByteArrayInputStream(noise));
				document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Padding"), stream);
			}
			if (password != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy(password + "-owner", password,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
