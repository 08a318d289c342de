package org.abusedesk.mailbox;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.TestCatalog;

/**
 * The host's answer to an abuse report the desk forwarded to it, as its mail client
 * writes one: from the catalog's origin host, threaded to the forwarded message by
 * {@code In-Reply-To} and {@code References}, saying the reported site is suspended.
 */
public final class HostReply {

	private HostReply() {
	}

	/**
	 * The reply to {@code forwarded} about the site on {@code host}, its Message-ID made
	 * of {@code tag} and the catalog's id.
	 */
	public static byte[] to(MimeMessage forwarded, TestCatalog catalog, String host, String tag)
			throws MessagingException {
		return """
				From: Origin Abuse Desk <%s>
				To: abuse@abusedesk.invalid
				Subject: Re: %s
				Message-ID: <%s-%s@origin-host.example>
				In-Reply-To: %s
				References: %s

				We have suspended the customer's site https://%s/login.php. Kind regards.
				"""
			.formatted(catalog.originHost(), forwarded.getSubject(), tag, catalog.id(), forwarded.getMessageID(),
					forwarded.getMessageID(), host)
			.getBytes(StandardCharsets.UTF_8);
	}

}
