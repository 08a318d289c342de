package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;

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

	private final Map<MailIntakeProperties.Feed, PGPPublicKeyRingCollection> keys = new HashMap<>();

	KnownSenders(List<MailIntakeProperties.Feed> feeds, String authservId) {
		this.feeds = feeds;
		this.authservId = (authservId == null || authservId.isBlank()) ? null : authservId.strip();
		for (MailIntakeProperties.Feed feed : feeds) {
			if (feed.pgpPublicKey() != null) {
				try (InputStream in = feed.pgpPublicKey().getInputStream()) {
					this.keys.put(feed, PgpSignatures.keys(in));
				}
				catch (IOException ex) {
					throw new IllegalStateException(
							"Cannot read the OpenPGP key of feed " + feed.address() + ": " + ex.getMessage(), ex);
				}
			}
			else if (feed.requirePgp()) {
				throw new IllegalStateException("Feed " + feed.address() + " requires PGP but has no pgp-public-key");
			}
		}
	}

	/**
	 * The feed a message comes from: its sender matches, and every check the feed asks
	 * for passes (DKIM; an OpenPGP signature by its key, where the message is signed or
	 * the feed requires it).
	 */
	Optional<MailIntakeProperties.Feed> match(ParsedMessage message, byte[] raw) {
		return match(message).filter((feed) -> pgpTrusted(feed, raw));
	}

	private boolean pgpTrusted(MailIntakeProperties.Feed feed, byte[] raw) {
		PGPPublicKeyRingCollection feedKeys = this.keys.get(feed);
		if (feedKeys == null) {
			return true;
		}
		PgpSignatures.Result result = PgpSignatures.check(raw, feedKeys);
		return result == PgpSignatures.Result.VALID || (result == PgpSignatures.Result.UNSIGNED && !feed.requirePgp());
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
