package org.abusedesk.mailbox.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code abusedesk.mail-intake.*}: limits, known senders (feeds) and the IMAP mailbox.
 *
 * @param maxMessageSize larger messages are stored and quarantined, not parsed
 * @param authservId when set, the topmost Authentication-Results header counts only if
 * our MTA's authserv-id begins it
 * @param feeds the known senders
 * @param imap the mailbox to poll; polling is off unless {@code imap.host} is set
 * @param smtp the SMTP listener; off unless {@code smtp.port} is set
 * @param maxExtractionReads the work budget of the search for targets in one message's
 * text, in characters read (see {@link MailLimits#maxExtractionReads()})
 * @param notifiers the operator's own known notifiers, tried before the shipped ones
 * @param notifiersFile a YAML file of more notifiers (the shape of
 * {@code mailbox/notifiers.yaml}), e.g. {@code file:/etc/abusedesk/notifiers.yaml}
 */
@ConfigurationProperties("abusedesk.mail-intake")
record MailIntakeProperties(@DefaultValue("25MB") DataSize maxMessageSize, String authservId, List<Feed> feeds,
		@DefaultValue Imap imap, @DefaultValue Smtp smtp, @DefaultValue("200000000") long maxExtractionReads,
		List<Notifier> notifiers, Resource notifiersFile) {

	@ConstructorBinding
	MailIntakeProperties {
		feeds = (feeds != null) ? List.copyOf(feeds) : List.of();
		notifiers = (notifiers != null) ? List.copyOf(notifiers) : List.of();
	}

	MailIntakeProperties(DataSize maxMessageSize, String authservId, List<Feed> feeds, Imap imap, Smtp smtp,
			long maxExtractionReads) {
		this(maxMessageSize, authservId, feeds, imap, smtp, maxExtractionReads, List.of(), null);
	}

	/** The notifiers of {@link #notifiersFile()}; none when it is not set. */
	List<Notifier> notifiersFromFile() {
		if (this.notifiersFile == null) {
			return List.of();
		}
		try {
			return NotifierRegistry.load(this.notifiersFile.getInputStream(), this.notifiersFile.getDescription());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(
					"Cannot read the notifier file " + this.notifiersFile.getDescription() + ": " + ex.getMessage(),
					ex);
		}
	}

	MailLimits limits() {
		MailLimits defaults = MailLimits.DEFAULTS;
		return new MailLimits((int) Math.min(Integer.MAX_VALUE - 8, this.maxMessageSize.toBytes()),
				defaults.maxMimeDepth(), defaults.maxParts(), defaults.maxZipEntries(), defaults.maxZipExpandedBytes(),
				defaults.maxZipDepth(), defaults.maxTargets(), this.maxExtractionReads);
	}

	/**
	 * A known sender.
	 *
	 * @param address its From address, or {@code @domain} for every address of a domain
	 * @param defaultType the report type of its messages when they do not say
	 * @param requireDkim trust it only with a passing DKIM signature of its domain
	 * @param pgpPublicKey its ASCII-armoured OpenPGP public key(s), e.g.
	 * {@code file:/etc/abusedesk/feed.asc}; a signed message from it is trusted only if a
	 * key verifies the signature
	 * @param requirePgp trust it only with such a signature
	 */
	record Feed(String address, String defaultType, boolean requireDkim, Resource pgpPublicKey, boolean requirePgp) {

	}

	/**
	 * @param host the IMAP server; empty disables polling
	 * @param port the port (993 with ssl, else 143)
	 * @param ssl IMAPS
	 * @param username the mailbox user
	 * @param password the mailbox password (with {@code auth=password})
	 * @param folder where new messages arrive
	 * @param processedFolder where processed messages are moved
	 * @param pollInterval time between polls
	 * @param auth {@code password} (LOGIN) or {@code xoauth2} (OAuth 2.0 bearer token, as
	 * the large mail providers require)
	 * @param oauth2 where the access token comes from, with {@code auth=xoauth2}
	 */
	record Imap(String host, @DefaultValue("0") int port, @DefaultValue("true") boolean ssl, String username,
			String password, @DefaultValue("INBOX") String folder, @DefaultValue("Processed") String processedFolder,
			@DefaultValue("PT1M") Duration pollInterval, @DefaultValue("password") String auth,
			@DefaultValue OAuth2 oauth2) {

		@ConstructorBinding
		Imap {
			auth = (auth == null || auth.isBlank()) ? "password" : auth.strip().toLowerCase(java.util.Locale.ROOT);
			if (!auth.equals("password") && !auth.equals("xoauth2")) {
				throw new IllegalArgumentException(
						"abusedesk.mail-intake.imap.auth must be password or xoauth2, not " + auth);
			}
			oauth2 = (oauth2 != null) ? oauth2 : new OAuth2(null, null, null, null, null, null);
		}

		Imap(String host, int port, boolean ssl, String username, String password, String folder,
				String processedFolder, Duration pollInterval) {
			this(host, port, ssl, username, password, folder, processedFolder, pollInterval, "password", null);
		}

		int effectivePort() {
			return (this.port > 0) ? this.port : (this.ssl ? 993 : 143);
		}

		boolean xoauth2() {
			return this.auth.equals("xoauth2");
		}

	}

	/**
	 * The OAuth 2.0 access token for XOAUTH2: fetched from the provider's token endpoint
	 * with a refresh token (RFC 6749, section 6), or given as is (kept fresh by something
	 * else). Only the configured endpoint is ever called.
	 *
	 * @param tokenUri the token endpoint, e.g.
	 * {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
	 * @param clientId the application's client id
	 * @param clientSecret its secret, if it has one
	 * @param refreshToken the mailbox's refresh token
	 * @param scope the scope to ask for, if the provider wants one
	 * @param accessToken a token to use as is instead
	 */
	record OAuth2(String tokenUri, String clientId, String clientSecret, String refreshToken, String scope,
			String accessToken) {

	}

	/**
	 * @param port the port to listen on ({@code 0}: any free port)
	 * @param bindAddress the address to listen on; loopback unless the MTA is elsewhere
	 * @param recipients the addresses (or {@code @domain}) mail is accepted for; it is
	 * not a relay, everything else is refused
	 * @param maxConnections connections served at once
	 */
	record Smtp(@DefaultValue("0") int port, @DefaultValue("127.0.0.1") String bindAddress, List<String> recipients,
			@DefaultValue("50") int maxConnections) {

		Smtp {
			recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
		}

		boolean accepts(String recipient) {
			String address = recipient.toLowerCase(java.util.Locale.ROOT);
			return this.recipients.stream()
				.map((allowed) -> allowed.toLowerCase(java.util.Locale.ROOT))
				.anyMatch((allowed) -> allowed.startsWith("@") ? address.endsWith(allowed) : address.equals(allowed));
		}

	}

}
