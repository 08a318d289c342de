package org.abusedesk.intake.internal;

/**
 * A file a reporter sent with a report, checked by content.
 *
 * @param filename the name as given (for display only)
 * @param declaredType the media type the sender claimed
 * @param detectedType the media type found in the content
 * @param content the bytes as received
 */
record EvidenceFile(String filename, String declaredType, String detectedType, byte[] content) {

}
