package org.abusedesk.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.abusedesk.content.internal.AddressFinder;
import org.abusedesk.content.internal.BirthDateFinder;
import org.abusedesk.content.internal.CoordinatesFinder;
import org.abusedesk.content.internal.EmailFinder;
import org.abusedesk.content.internal.Finder;
import org.abusedesk.content.internal.IbanFinder;
import org.abusedesk.content.internal.LicencePlateFinder;
import org.abusedesk.content.internal.NationalIdFinder;
import org.abusedesk.content.internal.PhoneFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds personal data that can endanger someone when published (doxing): phone numbers,
 * email addresses, street addresses, national identity numbers, IBANs, dates of birth,
 * coordinates and licence plates. Pure and thread-safe; it reads text and decides
 * nothing: a finding is a fact for the policy and a highlight for the reviewer, never a
 * reason to remove anything by itself.
 *
 * <p>
 * Where two findings overlap, the more specific kind wins (an IBAN's digits are not also
 * a phone number): email, IBAN, identity number, coordinates, date of birth, street
 * address, phone, licence plate.
 */
public final class PersonalDataDetector {

	/** Texts longer than this are searched in their first this many characters only. */
	public static final int MAX_TEXT_LENGTH = 1_000_000;

	private static final Logger log = LoggerFactory.getLogger(PersonalDataDetector.class);

	private static final List<PersonalDataKind> PRECEDENCE = List.of(PersonalDataKind.EMAIL, PersonalDataKind.IBAN,
			PersonalDataKind.NATIONAL_ID, PersonalDataKind.COORDINATES, PersonalDataKind.DATE_OF_BIRTH,
			PersonalDataKind.STREET_ADDRESS, PersonalDataKind.PHONE, PersonalDataKind.LICENCE_PLATE);

	private final List<Finder> finders;

	/**
	 * @param phoneRegions ISO 3166 codes in which numbers written without a country code
	 * are tried, in order
	 */
	public PersonalDataDetector(List<String> phoneRegions) {
		this.finders = List.of(new EmailFinder(), new IbanFinder(), new NationalIdFinder(), new CoordinatesFinder(),
				new BirthDateFinder(), new AddressFinder(), new PhoneFinder(phoneRegions), new LicencePlateFinder());
	}

	/** A detector for the regions of the countries whose formats it knows. */
	public static PersonalDataDetector standard() {
		return new PersonalDataDetector(List.of("US", "GB", "DE", "FR", "NL"));
	}

	/**
	 * The personal data in {@code text}, in order of position, none overlapping another.
	 * Never throws; {@code null} is an empty text.
	 */
	public List<PersonalDataFinding> detect(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		String searched = (text.length() > MAX_TEXT_LENGTH) ? text.substring(0, MAX_TEXT_LENGTH) : text;
		List<PersonalDataFinding> all = new ArrayList<>();
		for (Finder finder : this.finders) {
			List<PersonalDataFinding> found = new ArrayList<>();
			try {
				finder.find(searched, found);
			}
			catch (RuntimeException | StackOverflowError ex) {
				// one finder failing must not hide what the others found
				log.warn("{} failed on a text of {} characters", finder.getClass().getSimpleName(), searched.length(),
						ex);
			}
			all.addAll(found);
		}
		return resolve(all);
	}

	/** The kinds among {@code findings}, as a sorted set. */
	public static Set<PersonalDataKind> kinds(List<PersonalDataFinding> findings) {
		Set<PersonalDataKind> kinds = new TreeSet<>();
		findings.forEach((finding) -> kinds.add(finding.kind()));
		return kinds;
	}

	static List<PersonalDataFinding> resolve(List<PersonalDataFinding> all) {
		List<PersonalDataFinding> ranked = new ArrayList<>(all);
		ranked.sort(Comparator.comparingInt((PersonalDataFinding f) -> PRECEDENCE.indexOf(f.kind()))
			.thenComparing(Comparator.comparingDouble(PersonalDataFinding::confidence).reversed())
			.thenComparing(Comparator.comparingInt((PersonalDataFinding f) -> f.end() - f.start()).reversed()));
		// the kept spans by start: they do not overlap, so the one that starts last
		// before
		// a candidate ends is the only one that can reach into it (a list searched for
		// each candidate made 140 000 emails 10^10 comparisons)
		TreeMap<Integer, PersonalDataFinding> byStart = new TreeMap<>();
		List<PersonalDataFinding> kept = new ArrayList<>();
		for (PersonalDataFinding candidate : ranked) {
			if (candidate.start() == candidate.end()) {
				// an empty span (no finder gives one) is checked against all
				if (kept.stream().noneMatch(candidate::overlaps)) {
					kept.add(candidate);
				}
				continue;
			}
			Map.Entry<Integer, PersonalDataFinding> before = byStart.lowerEntry(candidate.end());
			if (before == null || !before.getValue().overlaps(candidate)) {
				kept.add(candidate);
				byStart.put(candidate.start(), candidate);
			}
		}
		kept.sort(Comparator.comparingInt(PersonalDataFinding::start).thenComparingInt(PersonalDataFinding::end));
		return List.copyOf(kept);
	}

}
