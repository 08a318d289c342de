package org.abusedesk.intake.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises configured feeds by their From address and, where required, a passing DKIM
 * signature of their domain. Only the topmost Authentication-Results header counts: our
 * own MTA adds it on top; anything below was added by others (or forged by the sender).
 */
final class KnownSenders {

	private static final Pattern DKIM_PASS = Pattern.compile("(?i)\\bdkim\\s*=\\s*pass\\b([^;]*)");

	private static final Pattern HEADER_D = Pattern.compile("(?i)\\bheader\\.[di]\\s*=\\s*\"?@?([^\\s;\"]+)");

	private final List<MailIntakeProperties.Feed> feeds;

	private final String authservId;

	KnownSenders(List<MailIntakeProperties.Feed> feeds, String authservId) {
		this.feeds = feeds;
		this.authservId = (authservId == null || authservId.isBlank()) ? null : authservId.strip();
	}

	Optional<MailIntakeProperties.Feed> match(ParsedMessage message) {
		String from = message.fromAddress();
		if (from == null) {
			return Optional.empty();
		}
		String address = from.toLowerCase(Locale.ROOT);
		String domain = address.substring(address.indexOf('@') + 1);
		for (MailIntakeProperties.Feed feed : this.feeds) {
			String configured = feed.address().toLowerCase(Locale.ROOT).strip();
			boolean matches = configured.startsWith("@") ? domain.equals(configured.substring(1))
					: address.equals(configured);
			if (matches && (!feed.requireDkim() || dkimPass(message.authenticationResults(), domain))) {
				return Optional.of(feed);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the header says a DKIM signature of {@code domain} (or a parent) passed.
	 */
	boolean dkimPass(String authenticationResults, String domain) {
		if (authenticationResults == null) {
			return false;
		}
		if (this.authservId != null && !authenticationResults.strip()
			.toLowerCase(Locale.ROOT)
			.startsWith(this.authservId.toLowerCase(Locale.ROOT))) {
			return false;
		}
		Matcher pass = DKIM_PASS.matcher(authenticationResults);
		while (pass.find()) {
			Matcher signer = HEADER_D.matcher(pass.group(1));
			while (signer.find()) {
				String d = signer.group(1).toLowerCase(Locale.ROOT);
				d = d.substring(d.indexOf('@') + 1);
				if (domain.equals(d) || domain.endsWith("." + d)) {
					return true;
				}
			}
		}
		return false;
	}

}
