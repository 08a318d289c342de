package org.abusedesk.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.abusedesk.content.internal.IdentityNumbers;

/**
 * A labelled corpus of texts about synthetic people, in the real formats of five
 * countries, generated from a fixed seed so that every run measures the same texts. About
 * a quarter of the texts hold no personal data, and most hold look-alikes (order numbers,
 * prices, posting dates, IP addresses, ISBNs) that a careless detector would report.
 */
final class PersonalDataCorpus {

	static final long SEED = 20261205L;

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final String[] FIRST = { "Anna", "Ben", "Chloé", "Daan", "Emma", "Felix", "Grace", "Hugo", "Isla",
			"Jonas", "Katja", "Liam", "Marie", "Noah", "Olivia", "Pierre", "Quinn", "Ruth", "Sanne", "Thomas" };

	private static final String[] LAST = { "Smith", "Müller", "Dubois", "de Vries", "Jones", "Schneider", "Martin",
			"Jansen", "Taylor", "Fischer", "Bernard", "Bakker", "Brown", "Weber", "Lefèvre", "Visser" };

	private static final String[] FILLER = { "This is the person who wrote the review.",
			"Everyone should know who she really is.", "Posted by a throwaway account yesterday.",
			"Go and tell him what you think of him.", "Found all of this in ten minutes.",
			"The thread has been shared hundreds of times.", "Nobody asked for this information.",
			"Here is everything about the streamer." };

	private final Random random = new Random(SEED);

	/** One text and the personal data in it. */
	record Text(String text, List<Label> labels) {
	}

	/** Where one piece of personal data is. */
	record Label(PersonalDataKind kind, int start, int end, String variant) {
	}

	List<Text> generate(int count) {
		List<Text> texts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			texts.add(text());
		}
		return texts;
	}

	private Text text() {
		Builder b = new Builder();
		String name = pick(FIRST) + " " + pick(LAST);
		b.plain(pick(FILLER) + " ");
		boolean clean = this.random.nextInt(4) == 0;
		int items = clean ? 0 : 1 + this.random.nextInt(4);
		b.plain("Name: " + name + ". ");
		for (int i = 0; i < items; i++) {
			item(b);
		}
		int distractors = this.random.nextInt(4);
		for (int i = 0; i < distractors; i++) {
			b.plain(distractor() + " ");
		}
		b.plain(pick(FILLER));
		return new Text(b.text.toString(), List.copyOf(b.labels));
	}

	private void item(Builder b) {
		switch (this.random.nextInt(8)) {
			case 0, 1 -> phone(b);
			case 2 -> b.item(pick("Email: ", "write to ", "mail her at ", "his address is "), PersonalDataKind.EMAIL,
					email(), "email", ". ");
			case 3 -> iban(b);
			case 4 -> nationalId(b);
			case 5 -> address(b);
			case 6 -> birthOrCoordinates(b);
			default -> plate(b);
		}
	}

	private void phone(Builder b) {
		String region = pick("US", "GB", "DE", "FR", "NL");
		PhoneNumber number = validNumber(region);
		int form = this.random.nextInt(4);
		String written = switch (form) {
			case 0 -> PHONES.format(number, PhoneNumberFormat.INTERNATIONAL);
			case 1 -> PHONES.format(number, PhoneNumberFormat.E164);
			case 2 -> PHONES.format(number, PhoneNumberFormat.NATIONAL);
			default -> region.equals("US") ? PHONES.format(number, PhoneNumberFormat.NATIONAL)
				.replaceAll("[()]", "")
				.replace(' ', '.')
				.replace('-', '.') : PHONES.format(number, PhoneNumberFormat.NATIONAL).replace(" ", "");
		};
		b.item(pick("Phone: ", "call him on ", "her mobile is ", "Tel. ", "ring ", "WhatsApp ", "Handy: ",
				"portable : "), PersonalDataKind.PHONE, written, "phone " + region, ". ");
	}

	private PhoneNumber validNumber(String region) {
		String[] shapes = switch (region) {
			case "US" -> new String[] { "212", "415", "312", "617", "206", "303", "512" };
			case "GB" -> new String[] { "7700", "7911", "20", "161", "131", "7400" };
			case "DE" -> new String[] { "30", "89", "40", "151", "160", "176", "221" };
			case "FR" -> new String[] { "6", "7", "1", "4", "5" };
			default -> new String[] { "6", "20", "10", "30", "70" };
		};
		int length = switch (region) {
			case "US" -> 10;
			case "GB" -> 10;
			case "DE" -> 10 + this.random.nextInt(2);
			case "FR" -> 9;
			default -> 9;
		};
		for (int attempt = 0; attempt < 1000; attempt++) {
			StringBuilder digits = new StringBuilder(pick(shapes));
			if (region.equals("US")) {
				digits.append(2 + this.random.nextInt(8));
			}
			while (digits.length() < length) {
				digits.append(this.random.nextInt(10));
			}
			try {
				PhoneNumber number = PHONES.parse("+" + PHONES.getCountryCodeForRegion(region) + digits, region);
				if (PHONES.isValidNumberForRegion(number, region)) {
					return number;
				}
			}
			catch (NumberParseException ex) {
				// try another
			}
		}
		throw new IllegalStateException("No valid number for " + region);
	}

	private String email() {
		String first = pick("anna", "ben", "chloe", "daan", "emma", "felix", "j.doe", "m_weber");
		String domain = pick("gmail.com", "outlook.de", "example-mail.fr", "ziggo.nl", "btinternet.co.uk", "proton.me");
		return switch (this.random.nextInt(3)) {
			case 0 -> first + "." + pick("smith", "muller", "dubois", "devries") + "@" + domain;
			case 1 -> first + (1950 + this.random.nextInt(60)) + "@" + domain;
			default -> first + "+shop@" + domain;
		};
	}

	private void iban(Builder b) {
		String country = pick("DE", "GB", "FR", "NL", "ES", "IT");
		String bban = switch (country) {
			case "DE" -> digits(18);
			case "GB" -> letters(4) + digits(14);
			case "FR" -> digits(23);
			case "NL" -> letters(4) + digits(10);
			case "ES" -> digits(20);
			default -> letters(1) + digits(22);
		};
		String check = String.format("%02d", 98 - mod97(bban + country + "00"));
		String compact = country + check + bban;
		String written = this.random.nextBoolean() ? compact : compact.replaceAll("(.{4})(?!$)", "$1 ");
		b.item(pick("IBAN: ", "send money to ", "his account ", "Konto: ", "rekening "), PersonalDataKind.IBAN, written,
				"iban " + country, ". ");
	}

	private void nationalId(Builder b) {
		switch (this.random.nextInt(5)) {
			case 0 -> {
				String ssn;
				do {
					ssn = String.format("%03d%02d%04d", 1 + this.random.nextInt(899), 1 + this.random.nextInt(99),
							1 + this.random.nextInt(9999));
				}
				while (ssn.startsWith("666"));
				boolean dashed = this.random.nextInt(4) > 0;
				String written = dashed ? ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5)
						: ssn;
				b.item(dashed ? pick("SSN ", "social security number: ", "his number ") : pick("SSN: ", "SSN "),
						PersonalDataKind.NATIONAL_ID, written, "us_ssn", ". ");
			}
			case 1 -> {
				String prefix;
				do {
					prefix = "" + pick("A", "B", "C", "E", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W")
							+ pick("A", "B", "C", "E", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W");
				}
				while (prefix.equals("BG") || prefix.equals("NK") || prefix.equals("KN") || prefix.equals("TN")
						|| prefix.equals("NT"));
				String d = digits(6);
				String suffix = pick("A", "B", "C", "D");
				String written = this.random.nextBoolean() ? prefix + d + suffix : prefix + " " + d.substring(0, 2)
						+ " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
				b.item(pick("NI number ", "National Insurance: ", "NINO ", "her NI is "), PersonalDataKind.NATIONAL_ID,
						written, "uk_nino", ". ");
			}
			case 2 -> {
				String id = steuerId();
				String written = this.random.nextBoolean() ? id : id.substring(0, 2) + " " + id.substring(2, 5) + " "
						+ id.substring(5, 8) + " " + id.substring(8);
				b.item(pick("Steuer-ID: ", "Steueridentifikationsnummer ", "IdNr. "), PersonalDataKind.NATIONAL_ID,
						written, "de_steuer_id", ". ");
			}
			case 3 -> {
				String nir = nir();
				String written = this.random.nextBoolean() ? nir
						: nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " "
								+ nir.substring(5, 7) + " " + nir.substring(7, 10) + " " + nir.substring(10, 13) + " "
								+ nir.substring(13);
				b.item(pick("numéro de sécurité sociale : ", "NIR ", "sa sécu : ", "", "Numéro: "),
						PersonalDataKind.NATIONAL_ID, written, "fr_nir", ". ");
			}
			default -> {
				String bsn = bsn();
				String written = this.random.nextInt(3) == 0
						? bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6) : bsn;
				b.item(pick("BSN: ", "burgerservicenummer ", "BSN "), PersonalDataKind.NATIONAL_ID, written, "nl_bsn",
						". ");
			}
		}
	}

	private String steuerId() {
		while (true) {
			List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
			java.util.Collections.shuffle(pool, this.random);
			List<Integer> chosen = new ArrayList<>(pool.subList(0, 9));
			chosen.add(chosen.get(this.random.nextInt(9)));
			java.util.Collections.shuffle(chosen, this.random);
			if (chosen.get(0) == 0) {
				continue;
			}
			StringBuilder first10 = new StringBuilder();
			chosen.forEach(first10::append);
			String candidate = first10 + String.valueOf(IdentityNumbers.steuerIdCheckDigit(first10.toString()));
			if (IdentityNumbers.deSteuerId(candidate)) {
				return candidate;
			}
		}
	}

	private String nir() {
		String body = (1 + this.random.nextInt(2)) + String.format("%02d", this.random.nextInt(100))
				+ String.format("%02d", 1 + this.random.nextInt(12))
				+ String.format("%02d", 1 + this.random.nextInt(95)) + digits(3) + digits(3);
		long key = 97 - (Long.parseLong(body) % 97);
		return body + String.format("%02d", key);
	}

	private String bsn() {
		while (true) {
			String first8 = (1 + this.random.nextInt(9)) + digits(7);
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (9 - i) * (first8.charAt(i) - '0');
			}
			int last = sum % 11;
			if (last < 10) {
				return first8 + last;
			}
		}
	}

	private void address(Builder b) {
		String written = switch (this.random.nextInt(5)) {
			case 0 -> (1 + this.random.nextInt(9000)) + " " + pick("Oak", "Maple", "Elm Tree", "Washington", "Lake")
					+ " " + pick("Street", "Avenue", "Road", "Drive", "Lane", "St.", "Ave")
					+ pick("", ", Apt 4B", " Suite 210") + ", " + pick("Springfield", "Austin", "San Diego", "Portland")
					+ ", " + pick("IL", "TX", "CA", "OR") + " " + digits(5);
			case 1 -> (1 + this.random.nextInt(300)) + " " + pick("Baker", "High", "Church", "Mill", "Victoria") + " "
					+ pick("Street", "Road", "Lane", "Close", "Gardens") + ", " + pick("London", "Leeds", "Bristol")
					+ ", " + pick("NW1 6XE", "LS1 4AP", "BS8 1TH", "SW1A 2AA", "M1 1AE");
			case 2 -> pick("Hauptstraße", "Goethestraße", "Berliner Straße", "Am Markt", "Lindenallee", "Kirchweg")
					+ " " + (1 + this.random.nextInt(120)) + pick("", "a") + ", " + digits(5) + " "
					+ pick("Berlin", "München", "Köln", "Frankfurt am Main");
			case 3 -> (1 + this.random.nextInt(200)) + pick("", " bis") + " " + pick("rue", "avenue", "boulevard") + " "
					+ pick("de la Paix", "Victor Hugo", "des Lilas", "Jean Jaurès") + ", " + digits(5) + " "
					+ pick("Paris", "Lyon", "Marseille", "Aix-en-Provence");
			default -> pick("Kerkstraat", "Dorpsstraat", "Prinsengracht", "Stationsweg", "Julianalaan") + " "
					+ (1 + this.random.nextInt(300)) + ", " + (1000 + this.random.nextInt(9000)) + " " + letters(2)
					+ " " + pick("Amsterdam", "Utrecht", "Rotterdam", "Den Haag");
		};
		b.item(pick("lives at ", "Address: ", "home: ", "wohnt in der ", "habite au ", "woont op "),
				PersonalDataKind.STREET_ADDRESS, written, "address", ". ");
	}

	private void birthOrCoordinates(Builder b) {
		if (this.random.nextBoolean()) {
			int day = 1 + this.random.nextInt(28);
			int month = 1 + this.random.nextInt(12);
			int year = 1940 + this.random.nextInt(65);
			String[] months = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
					"October", "November", "December" };
			String written = switch (this.random.nextInt(4)) {
				case 0 -> String.format("%02d.%02d.%d", day, month, year);
				case 1 -> String.format("%d-%02d-%02d", year, month, day);
				case 2 -> months[month - 1] + " " + day + ", " + year;
				default -> day + " " + months[month - 1] + " " + year;
			};
			b.item(pick("born ", "DOB: ", "date of birth ", "geboren am ", "née le ", "geboortedatum "),
					PersonalDataKind.DATE_OF_BIRTH, written, "dob", ". ");
		}
		else {
			double lat = -60 + this.random.nextDouble() * 120;
			double lon = -170 + this.random.nextDouble() * 340;
			String written = String.format(java.util.Locale.ROOT, "%.5f, %.5f", lat, lon);
			b.item(pick("location ", "her house is at ", "GPS "), PersonalDataKind.COORDINATES, written, "coordinates",
					". ");
		}
	}

	private void plate(Builder b) {
		String consonants = "BDFGHJKLNPRSTVXZ";
		String written = switch (this.random.nextInt(4)) {
			case 0 -> pick("AB", "LC", "MX", "YS", "KP") + String.format("%02d", 51 + this.random.nextInt(24)) + " "
					+ pick("XYZ", "KRT", "BNM", "FTC");
			case 1 -> pick("AB", "FG", "KL", "ES") + "-" + digits(3) + "-" + pick("CD", "HJ", "MN", "TZ");
			case 2 -> digits(2) + "-" + pick(consonants, 3) + "-" + digits(1);
			default -> pick("B", "M", "HH", "K") + "-" + pick("AB", "X", "MW") + " " + (1 + this.random.nextInt(9999));
		};
		b.item(pick("car plate ", "Kennzeichen ", "kenteken ", "registration "), PersonalDataKind.LICENCE_PLATE,
				written, "plate", ". ");
	}

	private String distractor() {
		return switch (this.random.nextInt(12)) {
			case 0 -> "Order #" + (10_000_000 + this.random.nextInt(89_999_999)) + " shipped.";
			case 1 -> "Invoice " + (2018 + this.random.nextInt(8)) + "-" + digits(5) + " is overdue.";
			case 2 -> "Price: €" + this.random.nextInt(5000) + "." + digits(2) + ".";
			case 3 -> "Posted on " + String.format("%02d.%02d.20%02d", 1 + this.random.nextInt(28),
					1 + this.random.nextInt(12), 10 + this.random.nextInt(16)) + ".";
			case 4 -> "Server at 192.0.2." + this.random.nextInt(255) + " was slow.";
			case 5 -> "ISBN 978-3-16-148410-0 is the book.";
			case 6 -> "Customer number " + digits(10) + ".";
			case 7 -> "Version " + this.random.nextInt(10) + "." + this.random.nextInt(30) + "."
					+ this.random.nextInt(200) + " released.";
			case 8 -> "Reference " + digits(9) + ".";
			case 9 -> "Meet at " + (8 + this.random.nextInt(12)) + ":" + digits(2) + " near Main Street.";
			case 10 -> "Tracking 1Z" + letters(3) + digits(11) + ".";
			default -> "Score " + this.random.nextInt(100) + "-" + this.random.nextInt(100) + " after "
					+ (60 + this.random.nextInt(60)) + " minutes.";
		};
	}

	private String digits(int count) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < count; i++) {
			s.append(this.random.nextInt(10));
		}
		return s.toString();
	}

	private String letters(int count) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < count; i++) {
			s.append((char) ('A' + this.random.nextInt(26)));
		}
		return s.toString();
	}

	private String pick(String alphabet, int count) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < count; i++) {
			s.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return s.toString();
	}

	private String pick(String... options) {
		return options[this.random.nextInt(options.length)];
	}

	private static int mod97(String alnum) {
		int mod = 0;
		for (char c : alnum.toCharArray()) {
			String part = Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c);
			for (char d : part.toCharArray()) {
				mod = (mod * 10 + (d - '0')) % 97;
			}
		}
		return mod;
	}

	private static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Label> labels = new ArrayList<>();

		void plain(String s) {
			this.text.append(s);
		}

		void item(String prefix, PersonalDataKind kind, String value, String variant, String suffix) {
			this.text.append(prefix);
			int start = this.text.length();
			this.text.append(value);
			this.labels.add(new Label(kind, start, this.text.length(), variant));
			this.text.append(suffix);
		}

	}

}
