package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Optional;

/** Reads one family of formats. The set is closed: a new format is a new reader here. */
sealed interface FormatReader permits ArfReader, XarfReader, TextReader, NotifierReader {

	/**
	 * @param problems where to note what was odd
	 * @return empty when the message is not in this reader's formats
	 */
	Optional<Reading> read(MailView mail, TargetExtractor targets, List<String> problems);

}
