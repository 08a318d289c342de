package org.abusedesk.catalog;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one rule for an email address we send to or store as a contact: a reporter's
 * address, a reporter token's, an account's abuse and escalation contacts. Exactly one
 * mailbox ({@code local@domain}), as jakarta.mail's strict parser reads it, with nothing
 * around it: no name, no angle brackets, no group, no list, no comments, no quoted local
 * part, no white space; a domain of two labels or more (no local-only names such as
 * {@code root} or {@code postmaster@localhost}); at most 254 characters. A value like
 * {@code root,postmaster,victim@evil.example} would reach three recipients, so it is
 * refused.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_PART = 64;

	/** Characters that separate or decorate addresses, never part of one mailbox. */
	private static final String SPECIALS = ",;:<>()[]\"\\";

	private EmailAddresses() {
	}

	/**
	 * @param address the value as given (callers strip it first if they strip)
	 * @return whether it is exactly one mailbox with a domain
	 */
	public static boolean isValid(String address) {
		if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
					|| SPECIALS.indexOf(c) >= 0) {
				return false;
			}
		}
		int at = address.indexOf('@');
		if (at <= 0 || at != address.lastIndexOf('@') || at > MAX_LOCAL_PART) {
			return false;
		}
		if (!domain(address.substring(at + 1))) {
			return false;
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			return !parsed.isGroup() && parsed.getPersonal() == null && address.equals(parsed.getAddress());
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/** Two labels or more of letters, digits and inner hyphens; the last not numeric. */
	private static boolean domain(String domain) {
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (label.isEmpty() || label.length() > 63 || label.charAt(0) == '-'
					|| label.charAt(label.length() - 1) == '-') {
				return false;
			}
			for (int i = 0; i < label.length(); i++) {
				char c = label.charAt(i);
				if (!Character.isLetterOrDigit(c) && c != '-') {
					return false;
				}
			}
		}
		String last = labels[labels.length - 1];
		return !last.chars().allMatch(Character::isDigit);
	}

}
