package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them (quoted fields with doubled quotes and
 * line breaks inside), read leniently: any line ending, a stray quote is text.
 */
final class Csv {

	private Csv() {
	}

	/**
	 * @param maxRecords records read at most (the rest is left unread)
	 * @return the records, blank lines left out
	 */
	static List<List<String>> read(String text, int maxRecords) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int length = text.length();
		for (int i = 0; i < length && records.size() < maxRecords; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
					i++;
				}
				end(records, record, field);
				record = new ArrayList<>();
				fieldStarted = false;
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
		}
		if (records.size() < maxRecords) {
			end(records, record, field);
		}
		return records;
	}

	private static void end(List<List<String>> records, List<String> record, StringBuilder field) {
		record.add(field.toString());
		field.setLength(0);
		if (record.size() > 1 || !record.get(0).isBlank()) {
			records.add(record);
		}
	}

}
