package org.abusedesk.content;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on any text (it never throws, its spans lie inside the text and do not
 * overlap) and on the forms each kind takes.
 */
class PersonalDataDetectorTests implements WithQuickTheories {

	private static final String PIECES = "0123456789+-./ ()@ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüéß°'\",\n";

	private static final String[] WORDS = { "SSN ", "BSN: ", "IBAN ", "DE89 3704 0044 0532 0130 00", "born ",
			"Street, ", "10115 Berlin", "+49 30 1234567", "rue ", "straat ", "Kennzeichen ", "52.37", "°", "NW1 6XE",
			"@", "", "\u0000", "\uD83D\uDE00", "&amp;", "<b>" };

	private final PersonalDataDetector detector = PersonalDataDetector.standard();

	@Test
	void neverThrowsAndSpansLieInsideTheText() {
		qt().forAll(longs().all(), integers().between(0, 400)).checkAssert((seed, length) -> {
			String text = randomText(new SplittableRandom(seed), length);
			List<PersonalDataFinding> findings = this.detector.detect(text);
			int previousEnd = 0;
			for (PersonalDataFinding finding : findings) {
				assertThat(finding.start()).isGreaterThanOrEqualTo(previousEnd);
				assertThat(finding.end()).isGreaterThan(finding.start()).isLessThanOrEqualTo(text.length());
				assertThat(finding.confidence()).isBetween(0.0, 1.0);
				assertThat(finding.why()).isNotBlank();
				previousEnd = finding.end();
			}
		});
	}

	@Test
	void htmlReducedToTextNeverThrows() {
		qt().forAll(longs().all(), integers().between(0, 400)).checkAssert((seed, length) -> {
			String html = randomText(new SplittableRandom(seed), length).replace('(', '<').replace(')', '>');
			assertThat(this.detector.detect(EvidenceText.fromHtml(html))).isNotNull();
		});
	}

	@Test
	void findsEachKindWithItsExactSpan() {
		String text = "Jane Doe, born 12.03.1985, lives at 221 Baker Street, London, NW1 6XE. Call +44 20 7123 4567 "
				+ "or mail jane.doe@example.org. IBAN DE89 3704 0044 0532 0130 00. SSN 123-45-6789. "
				+ "Her car: AB-123-CD. Location 51.52378, -0.15846.";
		List<PersonalDataFinding> findings = this.detector.detect(text);
		assertThat(findings).extracting((f) -> f.kind().wire() + "=" + text.substring(f.start(), f.end()))
			.containsExactly("date_of_birth=12.03.1985", "street_address=221 Baker Street, London, NW1 6XE",
					"phone=+44 20 7123 4567", "email=jane.doe@example.org", "iban=DE89 3704 0044 0532 0130 00",
					"national_id=123-45-6789", "licence_plate=AB-123-CD", "coordinates=51.52378, -0.15846");
		assertThat(findings.get(2).why()).contains("GB");
	}

	@Test
	void checksumsDecide() {
		assertThat(kinds("IBAN DE89 3704 0044 0532 0130 00")).containsExactly("iban");
		assertThat(kinds("IBAN DE88 3704 0044 0532 0130 00")).isEmpty();
		assertThat(kinds("BSN 111222333")).containsExactly("national_id");
		assertThat(kinds("BSN 111222334")).isEmpty();
		assertThat(kinds("Steuer-ID 86095742719")).containsExactly("national_id");
		assertThat(kinds("Steuer-ID 86095742718")).isEmpty();
		assertThat(kinds("NIR 2 55 08 14 168 025 38")).containsExactly("national_id");
		assertThat(kinds("NIR 2 55 08 14 168 025 39")).isEmpty();
		assertThat(kinds("SSN 666-12-3456")).isEmpty();
		assertThat(kinds("SSN 078-05-1120")).isEmpty();
		assertThat(kinds("NI number QQ 12 34 56 C")).isEmpty();
		assertThat(kinds("NI number AB 12 34 56 C")).containsExactly("national_id");
	}

	@Test
	void lookAlikesAreNotPersonalData() {
		assertThat(kinds("Order 4829173650 shipped on 12.03.2021 at 14:30 from 192.0.2.4, ISBN 978-3-16-148410-0, "
				+ "reference 111222333, version 3.14.1592, Main Street."))
			.isEmpty();
	}

	@Test
	void htmlIsReadAsItsVisibleText() {
		String html = "<html><head><title>x</title><style>p{}</style></head><body><p>Mail <b>j.doe</b>"
				+ "&#64;example.org</p><script>var tel='+1 212 456 7890'</script><p>Tel&nbsp;+1 212-456-7890</p></body></html>";
		String text = EvidenceText.fromHtml(html);
		assertThat(text).isEqualTo("Mail j.doe@example.org\nTel +1 212-456-7890");
		assertThat(PersonalDataDetector.kinds(this.detector.detect(text))).containsExactly(PersonalDataKind.PHONE,
				PersonalDataKind.EMAIL);
	}

	private List<String> kinds(String text) {
		return this.detector.detect(text).stream().map((f) -> f.kind().wire()).toList();
	}

	private static String randomText(SplittableRandom random, int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			if (random.nextInt(4) == 0) {
				text.append(WORDS[random.nextInt(WORDS.length)]);
			}
			else {
				text.append(PIECES.charAt(random.nextInt(PIECES.length())));
			}
		}
		return text.toString();
	}

}
