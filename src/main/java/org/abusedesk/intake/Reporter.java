package org.abusedesk.intake;

/** The person or organisation behind a report, as they gave it. */
public record Reporter(String name, String email, ReporterKind kind, String organisation, String country) {

}
