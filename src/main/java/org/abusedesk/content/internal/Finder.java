package org.abusedesk.content.internal;

import java.util.List;

import org.abusedesk.content.PersonalDataFinding;

/** Finds one kind of personal data in a text. Never throws on any text. */
public interface Finder {

	/** Adds what it finds in {@code text} to {@code found}. */
	void find(String text, List<PersonalDataFinding> found);

}
