package org.abusedesk.intake;

import java.util.List;
import java.util.Optional;

/**
 * Threads answers to the messages abusedesk sent into the cases they belong to, instead
 * of filing them as new reports. Implemented by the module that sends (it knows the
 * Message-IDs it used); the abuse mailbox calls it for every message that answers one of
 * ours or names a tracking code in its subject.
 */
public interface MailReplies {

	/**
	 * Records the message in the correspondence of the case it answers.
	 * @return the case it was threaded into; empty when it answers nothing we know
	 */
	Optional<Long> thread(MailReply reply);

	/**
	 * An answer to one of our messages.
	 *
	 * @param mailMessageId our id of the stored message ({@code mail_message:<id>})
	 * @param referencedIds the Message-IDs it answers ({@code In-Reply-To},
	 * {@code References}), nearest first
	 * @param reportIds the reports whose tracking codes its subject names
	 * @param sender its From address, or {@code null}
	 * @param subject its subject, or {@code null}
	 * @param text its words for people
	 * @param kind {@code reply}, {@code auto_reply} or {@code bounce}
	 */
	record MailReply(long mailMessageId, List<String> referencedIds, List<Long> reportIds, String sender,
			String subject, String text, String kind) {

		public MailReply {
			referencedIds = List.copyOf(referencedIds);
			reportIds = List.copyOf(reportIds);
		}

	}

}
