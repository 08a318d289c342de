package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * Telephone numbers, by Google's libphonenumber: a number written with its country code
 * is checked in its own region; a national number (no country code) is tried in each of
 * the regions the desk is configured for and kept when it is valid in one of them.
 */
public final class PhoneFinder implements Finder {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final long MAX_TRIES = 10_000;

	private static final Pattern BARE = Pattern.compile("\\d+");

	private static final Pattern LABEL = Pattern.compile(
			"(?i)(phone|\\btel\\b|\\btel\\.|call|mobile|\\bcell|\\bring\\b|\\btext\\b|whatsapp|signal|handy|telefon|\\bmobil|portable|t[ée]l[ée]phone|\\bt[ée]l\\b|mobiel|\\bbel\\b|telefoon)");

	private static final Pattern DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");

	private final List<String> regions;

	/**
	 * @param regions ISO 3166 codes tried, in order, for numbers without a country code
	 */
	public PhoneFinder(List<String> regions) {
		this.regions = List.copyOf(regions);
	}

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		int before = found.size();
		for (String region : this.regions) {
			for (PhoneNumberMatch match : PHONES.findNumbers(text, region, Leniency.VALID, MAX_TRIES)) {
				if (alreadyFound(found, before, match)) {
					continue;
				}
				String raw = match.rawString();
				boolean international = raw.startsWith("+") || raw.startsWith("00");
				boolean labelled = LABEL.matcher(text.substring(Math.max(0, match.start() - 30), match.start())).find();
				if (!international && BARE.matcher(raw).matches() && !labelled) {
					// a bare run of digits is as often an order or customer number
					continue;
				}
				if (!international && (DATE.matcher(raw).matches() || digits(raw) < 7)) {
					// dates and short numbers are valid somewhere, but rarely someone's
					// phone
					continue;
				}
				String numberRegion = PHONES.getRegionCodeForNumber(match.number());
				String why = international ? "international number valid in " + numberRegion
						: "national number valid in " + numberRegion;
				double confidence = (international || labelled) ? 0.95 : 0.85;
				found.add(new PersonalDataFinding(PersonalDataKind.PHONE, match.start(), match.end(), confidence, why));
			}
		}
	}

	private static int digits(String raw) {
		int count = 0;
		for (int i = 0; i < raw.length(); i++) {
			count += Character.isDigit(raw.charAt(i)) ? 1 : 0;
		}
		return count;
	}

	private static boolean alreadyFound(List<PersonalDataFinding> found, int from, PhoneNumberMatch match) {
		for (int i = from; i < found.size(); i++) {
			if (found.get(i).overlaps(match.start(), match.end())) {
				return true;
			}
		}
		return false;
	}

}
