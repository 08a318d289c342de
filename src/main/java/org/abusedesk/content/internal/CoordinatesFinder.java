package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * Geographic coordinates precise enough to locate a building: a decimal latitude and
 * longitude with at least four decimals (about 10 m), or degrees, minutes and seconds
 * with hemispheres.
 */
public final class CoordinatesFinder implements Finder {

	private static final Pattern DECIMAL = Pattern.compile(
			"(?<![\\w.-])(-?\\d{1,2}\\.\\d{4,})(?:°)?\\s?([NS])?,\\s?(-?\\d{1,3}\\.\\d{4,})(?:°)?\\s?([EW])?(?![\\w]|\\.\\d)");

	private static final Pattern DMS = Pattern.compile(
			"(?<![\\w.])(\\d{1,2})°\\s?(\\d{1,2})['′]\\s?(\\d{1,2}(?:\\.\\d+)?)(?:\"|″|'')?\\s?([NS]),?\\s+(\\d{1,3})°\\s?(\\d{1,2})['′]\\s?(\\d{1,2}(?:\\.\\d+)?)(?:\"|″|'')?\\s?([EW])(?![\\w])");

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		Matcher decimal = DECIMAL.matcher(text);
		while (decimal.find()) {
			double lat = Double.parseDouble(decimal.group(1));
			double lon = Double.parseDouble(decimal.group(3));
			if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
				found.add(new PersonalDataFinding(PersonalDataKind.COORDINATES, decimal.start(), decimal.end(), 0.85,
						"decimal latitude and longitude"));
			}
		}
		Matcher dms = DMS.matcher(text);
		while (dms.find()) {
			if (Integer.parseInt(dms.group(1)) <= 90 && Integer.parseInt(dms.group(5)) <= 180
					&& Integer.parseInt(dms.group(2)) < 60 && Integer.parseInt(dms.group(6)) < 60) {
				found.add(new PersonalDataFinding(PersonalDataKind.COORDINATES, dms.start(), dms.end(), 0.9,
						"degrees, minutes and seconds with hemispheres"));
			}
		}
	}

}
