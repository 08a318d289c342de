package org.abusedesk.mailbox;

import java.util.List;
import java.util.Optional;

/**
 * Appeals by email: a reporter who answers the decision on their report (or writes with
 * its tracking code in the subject) with the word "appeal" appeals its denial, under the
 * same rules as on the status page. Implemented by the module that keeps appeals; the
 * abuse mailbox calls it for every reply a person wrote that names reports, after
 * threading it into its case.
 */
public interface MailAppeals {

	/**
	 * Files the appeal the reply asks for, or tells the reporter why it cannot be filed.
	 * Only the reporter of a report appeals its denial: the reply's sender must be the
	 * report's reporter address. Runs in the caller's transaction and throws nothing for
	 * a refused appeal.
	 * @return what became of the reply, for the message's record (e.g.
	 * {@code appeal:12}); empty when it asks for no appeal its sender may file
	 */
	Optional<String> appeal(MailAppeal reply);

	/**
	 * @param mailMessageId our id of the stored message ({@code mail_message:<id>})
	 * @param reportIds the reports the reply names by tracking code
	 * @param sender its From address, or {@code null}
	 * @param text its words for people, quotes included
	 */
	record MailAppeal(long mailMessageId, List<Long> reportIds, String sender, String text) {

		public MailAppeal {
			reportIds = List.copyOf(reportIds);
		}

	}

}
