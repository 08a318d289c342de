package org.abusedesk.content;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.abusedesk.CountedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * HTML evidence is reduced to its text in work linear in its size, counted as characters
 * read (not timed), and to the same text the patterns before the fix gave.
 */
class EvidenceTextGrowthTests {

	private static final Pattern OLD_INVISIBLE = Pattern
		.compile("(?is)<!--.*?-->|<(script|style|noscript|template|head)\\b[^>]*>.*?</\\1\\s*>");

	private static final Pattern OLD_BLOCK = Pattern.compile(
			"(?i)</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|address|blockquote|pre|dd|dt|hr)\\b[^>]*>");

	private static final Pattern OLD_TAG = Pattern.compile("(?s)<[^>]*>");

	/** Openings that nothing closes: each made the old patterns read to the end. */
	private static final String[] UNCLOSED = { "<", "<!--", "<script", "<script>", "<p ", "</p", "<STYLE x>",
			"<head></x", "<!-- -- ->", "<br" };

	private static final String[] PIECES = { "<", ">", "<!--", "-->", "<script>", "</script >", "</SCRIPT>",
			"<style a=1>", "</style>", "<p>", "</P>", "<pre>", "<br/>", "<h1 x>", "<hr", "</", "a", " ", "\n", "<head>",
			"</head\t>", "<templatex>", "<p_>", "é", "-", "!" };

	@Test
	void unclosedCommentsAndTagsAreReadInLinearWork() {
		for (String unit : UNCLOSED) {
			assertLinear("invisible", EvidenceText::withoutInvisible, unit);
			assertLinear("block", EvidenceText::blocksAsLines, unit);
			assertLinear("tag", EvidenceText::withoutTags, unit);
		}
	}

	@Test
	void theTextIsWhatTheOldPatternsGave() {
		qt().withExamples(20_000).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, length) -> {
			SplittableRandom random = new SplittableRandom(seed);
			StringBuilder html = new StringBuilder();
			for (int i = 0; i < length; i++) {
				html.append(PIECES[random.nextInt(PIECES.length)]);
			}
			String input = html.toString();
			assertThat(EvidenceText.withoutInvisible(input)).as(input)
				.isEqualTo(OLD_INVISIBLE.matcher(input).replaceAll(" "));
			assertThat(EvidenceText.blocksAsLines(input)).as(input)
				.isEqualTo(OLD_BLOCK.matcher(input).replaceAll("\n"));
			assertThat(EvidenceText.withoutTags(input)).as(input).isEqualTo(OLD_TAG.matcher(input).replaceAll(""));
		});
	}

	@Test
	void visibleTextIsKept() {
		assertThat(EvidenceText.fromHtml("<html><head><title>x</title></head><body><!-- note --><p>Call <b>me</b>"
				+ "<script type=x>var a = '<p>';</SCRIPT ><br>at home &amp; work</p></body></html>"))
			.isEqualTo("Call me\nat home & work");
	}

	private static void assertLinear(String what, Function<CharSequence, String> reader, String unit) {
		long small = reads(reader, unit.repeat(20_000 / unit.length()));
		long large = reads(reader, unit.repeat(40_000 / unit.length()));
		assertThat(large).as("%s on %s...: reads %d for 20000 characters, %d for 40000", what, unit, small, large)
			.isLessThanOrEqualTo(3 * Math.max(small, 1_000));
	}

	private static long reads(Function<CharSequence, String> reader, String text) {
		CountedText counted = new CountedText(text);
		reader.apply(counted);
		return counted.reads();
	}

}
