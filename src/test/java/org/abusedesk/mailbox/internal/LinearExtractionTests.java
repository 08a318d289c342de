package org.abusedesk.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.intake.ReportType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Issue 12, item 3: reading targets out of text costs work linear in the text, counted as
 * characters read (deterministic, not wall time), whatever the text; a budget per message
 * stops it without losing the message.
 */
class LinearExtractionTests {

	/** Reads per character of text; measured at most about 23 over the inputs below. */
	private static final int READS_PER_CHAR = 32;

	/**
	 * Runs that made the old patterns backtrack, recurse or restart at every character.
	 */
	private static final String[] ADVERSARIAL = { "a", "a.", "a@", "@a", "a.b@c.d", "a-", "a-b.c-", ".a", "a.1.", "1.",
			"1.1.1.1.1", "1.2.3.4.", "1:", "1:1:1:1:1:1:1:1:", "ffff:", "::1", "1::", "1:2:3:4:5:6:7", "http://",
			"hxxp[:]//", "a[.]", "www.x.y/", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.zz.", "<a", "href=\"",
			"a:", "_a.", "a,", "x" };

	/**
	 * The patterns before the fix, to show the new readers find exactly what they found.
	 */
	private static final Pattern OLD_HOST = Pattern
		.compile("(?i)(?<![\\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}(?![\\w-]|\\.\\w)");

	private static final Pattern OLD_EMAIL = Pattern.compile("[^\\s@<>()\"',;:]+@[^\\s@<>()\"',;:]+");

	private static final Pattern OLD_FROM = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");

	private static final Pattern OLD_TAG = Pattern.compile("(?s)<[^>]*>");

	private static final String SMALL_ALPHABET = "aZk09.-_@/:,;<>\"'() \tx";

	@Test
	void longWordWithoutSpacesIsReadInLinearWork() {
		// 32 KB took about 7 s, 200 KB eight minutes: the address pattern restarted at
		// every character of the word
		for (int length : new int[] { 4 * 1024, 32 * 1024, 200 * 1024 }) {
			String text = "see " + "a".repeat(length) + " now";
			assertThat(readsToExtract(text)).isLessThanOrEqualTo((long) READS_PER_CHAR * text.length());
		}
	}

	@Test
	void dottedRunDoesNotOverflowTheStack() {
		// 4 KB of a.a.a... threw StackOverflowError (one recursion per label) and lost
		// the message's targets
		for (int length : new int[] { 4 * 1024, 64 * 1024, 200 * 1024 }) {
			String text = "phishing at http://bank-login.example/verify and " + "a.".repeat(length / 2)
					+ "com, also 192.0.2.7 and evil.example.";
			List<String> problems = new ArrayList<>();
			ExtractionBudget budget = new ExtractionBudget(Long.MAX_VALUE);
			TargetExtractor targets = new TargetExtractor(1000, budget, problems);
			targets.addFromText(text, ReportType.PHISHING);
			assertThat(targets.targets()).extracting(MailTarget::value)
				.containsExactly("http://bank-login.example/verify", "192.0.2.7", "evil.example");
			assertThat(problems).isEmpty();
			assertThat(budget.reads()).isLessThanOrEqualTo((long) READS_PER_CHAR * text.length());
		}
	}

	@Test
	void aMessageWithADottedRunKeepsItsTargets() {
		String body = "Phishing at http://bank-login.example/verify\r\n" + "a.".repeat(4096) + "\r\n";
		ParsedMessage parsed = new MailParser(MailLimits.DEFAULTS).parse(message(body));
		assertThat(parsed.targets()).extracting(MailTarget::value).containsExactly("http://bank-login.example/verify");
		assertThat(parsed.problems()).noneMatch((problem) -> problem.startsWith("parser failure"));
	}

	@Test
	void extractionStopsAtTheBudgetAndKeepsWhatItFound() {
		// about 22 reads per character: the first piece of 64 KB is read, the 300 KB not
		MailLimits limits = new MailLimits(25 << 20, 12, 200, 100, 1 << 20, 2, 1000, 2_000_000);
		String body = "Phishing at http://bank-login.example/verify\r\n" + "word ".repeat(60_000)
				+ "\r\nand http://late.example/\r\n";
		ParsedMessage parsed = new MailParser(limits).parse(message(body));
		assertThat(parsed.targets()).extracting(MailTarget::value).containsExactly("http://bank-login.example/verify");
		// counted, not timed: the same message always stops at the same place
		assertThat(parsed.problems()).contains("indicator extraction stopped at character 65536 of 300075"
				+ " (2000000 characters read); the rest of the text was not searched");
	}

	@Test
	void extractionWorkIsLinearInTheTextForLongAndAdversarialInputs() {
		qt().withExamples(60)
			.forAll(integers().between(0, ADVERSARIAL.length - 1), integers().between(4 * 1024, 200 * 1024),
					longs().all())
			.checkAssert((unit, length, seed) -> {
				String text = adversarial(ADVERSARIAL[unit], length, new SplittableRandom(seed));
				assertThat(readsToExtract(text)).as("reads for %d chars of %s", text.length(), ADVERSARIAL[unit])
					.isLessThanOrEqualTo((long) READS_PER_CHAR * text.length());
				assertThat(reads((counted) -> MailParser.addressIn(counted), text))
					.isLessThanOrEqualTo(2L * text.length());
				assertThat(reads((counted) -> TextReader.withoutTags(counted), text))
					.isLessThanOrEqualTo(3L * text.length());
				// seven word patterns, each linear
				assertThat(reads((counted) -> TextReader.inferType(counted), text))
					.isLessThanOrEqualTo(64L * text.length());
			});
	}

	@Test
	void theLinearReadersFindWhatTheOldPatternsFound() {
		qt().withExamples(20_000).forAll(longs().all(), integers().between(0, 60)).checkAssert((seed, length) -> {
			SplittableRandom random = new SplittableRandom(seed);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < length; i++) {
				text.append(SMALL_ALPHABET.charAt(random.nextInt(SMALL_ALPHABET.length())));
			}
			String input = text.toString();
			assertThat(TargetExtractor.hostNames(input)).as(input).isEqualTo(all(OLD_HOST, input));
			assertThat(TargetExtractor.EMAIL.matcher(input).replaceAll(" ")).as(input)
				.isEqualTo(OLD_EMAIL.matcher(input).replaceAll(" "));
			Matcher from = OLD_FROM.matcher(input);
			assertThat(MailParser.addressIn(input)).as(input).isEqualTo(from.find() ? from.group() : null);
			assertThat(TextReader.withoutTags(input)).as(input).isEqualTo(OLD_TAG.matcher(input).replaceAll(" "));
		});
	}

	@Test
	void readingInPiecesFindsWhatReadingTheWholeTextFinds() {
		String alphabet = "a0.-:@/[]()hxtp, \n";
		qt().withExamples(3000).forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, length) -> {
			SplittableRandom random = new SplittableRandom(seed);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				if (random.nextInt(20) == 0) {
					text.append(random.nextBoolean() ? "http://a.b/" : "x.example");
				}
			}
			TargetExtractor whole = new TargetExtractor(1000, new ArrayList<>()).pieces(Integer.MAX_VALUE);
			whole.addFromText(text.toString(), null);
			TargetExtractor pieces = new TargetExtractor(1000, new ArrayList<>()).pieces(1 + random.nextInt(8));
			pieces.addFromText(text.toString(), null);
			assertThat(pieces.targets()).as(text.toString()).isEqualTo(whole.targets());
		});
	}

	@Test
	void hostNamesAreFoundAsBefore() {
		assertThat(TargetExtractor
			.hostNames("see example.com. and www.Example.org, not a.b_c or x.y.z.1 or @mail.example"))
			.containsExactly("example.com", "www.Example.org");
		assertThat(TargetExtractor.hostNames("a.b.c.example.com.-x foo.bar-.baz.co"))
			.isEqualTo(all(OLD_HOST, "a.b.c.example.com.-x foo.bar-.baz.co"));
	}

	private static long readsToExtract(String text) {
		ExtractionBudget budget = new ExtractionBudget(Long.MAX_VALUE);
		new TargetExtractor(1000, budget, new ArrayList<>()).addFromText(text, null);
		return budget.reads();
	}

	private static long reads(java.util.function.Consumer<CharSequence> reader, String text) {
		ExtractionBudget budget = new ExtractionBudget(Long.MAX_VALUE);
		reader.accept(budget.over(text));
		return budget.reads();
	}

	/** A unit repeated to the length, sometimes broken by a space or another unit. */
	private static String adversarial(String unit, int length, SplittableRandom random) {
		StringBuilder text = new StringBuilder(length + 64);
		boolean mixed = random.nextBoolean();
		while (text.length() < length) {
			if (mixed && random.nextInt(1000) == 0) {
				text.append(random.nextBoolean() ? " " : ADVERSARIAL[random.nextInt(ADVERSARIAL.length)]);
			}
			text.append(unit);
		}
		return text.toString();
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static byte[] message(String body) {
		return ("From: reporter@example.net\r\nSubject: phishing\r\nContent-Type: text/plain\r\n\r\n" + body)
			.getBytes(StandardCharsets.US_ASCII);
	}

}
