package org.abusedesk.appeals.internal;

import java.util.Locale;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.mailbox.MailNoticeRefused;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Answers a notice the abuse mailbox did not file because its reporter's notices are
 * suspended: the reporter hears why and until when, as the API and the form tell them,
 * once per message.
 */
@Component
class SuspensionAnswers {

	private final Outbound messages;

	SuspensionAnswers(Outbound messages) {
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(MailNoticeRefused refused) {
		this.messages.queue(new Outbound.Message(
				refused.stream() + ":suspended:" + refused.recipient().toLowerCase(Locale.ROOT), "notify_reporter", 0,
				0, refused.recipient(), "Your notice was not processed: your notices are suspended",
				"Hello,\n\nWe received your message but did not process the notice in it.\n\n" + refused.message()
						+ "\n\nYou may contest this decision by replying to this message.\n"));
	}

}
