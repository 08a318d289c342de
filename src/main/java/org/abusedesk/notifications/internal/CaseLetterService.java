package org.abusedesk.notifications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.notifications.CaseLetters;
import org.abusedesk.notifications.Outbound;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff letters from a case (see {@link CaseLetters}). The templates are data files
 * {@code correspondence/<party>/<type>.<name>.<language>.txt} ({@code any} as the type
 * for every report type): a first line {@code Subject: ...}, an empty line, the body.
 */
@Service
class CaseLetterService implements CaseLetters {

	private static final Pattern FILE = Pattern.compile("([a-z_]+)\\.([a-z_]+)\\.([a-z]{2})\\.txt");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(tracking_code|case|property|account|urls)}");

	/** The language a reporter's country suggests, where a template language fits. */
	private static final Map<String, String> COUNTRY_LANGUAGE = Map.ofEntries(Map.entry("DE", "de"),
			Map.entry("AT", "de"), Map.entry("CH", "de"), Map.entry("LI", "de"), Map.entry("FR", "fr"),
			Map.entry("LU", "fr"), Map.entry("MC", "fr"), Map.entry("NL", "nl"), Map.entry("BE", "nl"),
			Map.entry("SR", "nl"), Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"),
			Map.entry("CO", "es"), Map.entry("CL", "es"), Map.entry("PE", "es"));

	private final JdbcClient jdbc;

	private final Outbound outbound;

	private final AuditLog audit;

	private final List<Template> templates;

	CaseLetterService(JdbcClient jdbc, Outbound outbound, AuditLog audit) {
		this.jdbc = jdbc;
		this.outbound = outbound;
		this.audit = audit;
		this.templates = load();
	}

	static List<Template> load() {
		try {
			List<Template> loaded = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:correspondence/*/*.txt")) {
				String party = resource.getURL().getPath().replaceAll(".*/correspondence/([a-z]+)/[^/]+$", "$1");
				Matcher name = FILE.matcher(resource.getFilename());
				if (!name.matches() || !List.of("reporter", "customer").contains(party)) {
					throw new IllegalStateException("Not a letter template: " + resource);
				}
				String text = resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
				if (!text.startsWith("Subject: ") || !text.contains("\n\n")) {
					throw new IllegalStateException(resource + " starts with a Subject: line and an empty line");
				}
				String subject = text.substring("Subject: ".length(), text.indexOf('\n')).strip();
				String body = text.substring(text.indexOf("\n\n") + 2);
				loaded.add(new Template(party + "/" + name.group(1) + "." + name.group(2) + "." + name.group(3), party,
						name.group(1), name.group(2), name.group(3), subject, body));
			}
			loaded.sort(Comparator.comparing(Template::id));
			return List.copyOf(loaded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<Template> templates(String party, String reportType) {
		// those written for the report type before those for any type
		return this.templates.stream()
			.filter((t) -> t.party().equals(party) && (t.type().equals("any") || t.type().equals(reportType)))
			.sorted(Comparator.comparing((Template t) -> t.type().equals("any")).thenComparing(Template::id))
			.toList();
	}

	@Override
	public Optional<Recipients> recipients(long caseId) {
		return this.jdbc.sql("select report_type, property, account_ref from abuse_case where id = :id")
			.param("id", caseId)
			.query((rs, n) -> new Recipients(caseId, rs.getString("report_type"), rs.getString("property"),
					rs.getString("account_ref"), reporters(caseId)))
			.optional();
	}

	private List<ReporterRef> reporters(long caseId) {
		return this.jdbc.sql("""
				select r.id, r.tracking_code, r.type, r.reporter_country from case_report cr
				join report r on r.id = cr.report_id
				where cr.case_id = :case and r.reporter_email is not null order by r.id limit 200""")
			.param("case", caseId)
			.query((rs, n) -> new ReporterRef(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("type"),
					COUNTRY_LANGUAGE.getOrDefault(String.valueOf(rs.getString("reporter_country")).toUpperCase(),
							"en")))
			.list();
	}

	@Override
	public Optional<Letter> fill(long caseId, String templateId, long reportId) {
		Optional<Template> template = this.templates.stream().filter((t) -> t.id().equals(templateId)).findFirst();
		Optional<Recipients> recipients = recipients(caseId);
		if (template.isEmpty() || recipients.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("case", String.valueOf(caseId));
		values.put("property", recipients.get().property());
		values.put("account", recipients.get().customerAccount());
		Optional<ReporterRef> report = recipients.get()
			.reporters()
			.stream()
			.filter((r) -> r.reportId() == reportId)
			.findFirst();
		values.put("tracking_code", report.map(ReporterRef::trackingCode).orElse(""));
		values.put("urls", String.join("\n", urls(caseId, report.map(ReporterRef::reportId).orElse(0L))));
		Template t = template.get();
		return Optional
			.of(new Letter(t.id(), t.party(), t.language(), replace(t.subject(), values), replace(t.body(), values)));
	}

	/** The reported URLs of one report, or of the case's reports when none is named. */
	private List<String> urls(long caseId, long reportId) {
		return this.jdbc.sql("""
				select distinct u.url from report_url u join case_report cr on cr.report_id = u.report_id
				where cr.case_id = :case and (:report = 0 or u.report_id = :report) order by u.url limit 50""")
			.param("case", caseId)
			.param("report", reportId)
			.query(String.class)
			.list();
	}

	private static String replace(String text, Map<String, String> values) {
		return PLACEHOLDER.matcher(text).replaceAll((m) -> Matcher.quoteReplacement(values.get(m.group(1))));
	}

	@Override
	@Transactional
	public String send(long caseId, String staff, String party, long reportId, String subject, String body,
			String key) {
		Recipients recipients = recipients(caseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId));
		List<FieldError> errors = new ArrayList<>();
		if (party == null || !List.of("reporter", "customer").contains(party)) {
			errors.add(new FieldError("party", "invalid", "Write to the reporter or to the customer."));
		}
		text("subject", subject, MAX_SUBJECT, errors);
		text("body", body, MAX_BODY, errors);
		if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
			errors.add(new FieldError("subject", "invalid", "One line."));
		}
		if (key == null || !KEY.matcher(key).matches()) {
			errors.add(new FieldError("key", "invalid", "Reload the form and write again."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String kind;
		String address;
		String shown;
		long aboutReport;
		if ("reporter".equals(party)) {
			ReporterRef report = recipients.reporters()
				.stream()
				.filter((r) -> r.reportId() == reportId)
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("report_id", "not_in_case",
						"Choose a report of this case whose reporter left an email address."));
			address = this.jdbc.sql("select reporter_email from report where id = :id")
				.param("id", report.reportId())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "The reporter left no address."));
			kind = "notify_reporter";
			shown = "the reporter of " + report.trackingCode();
			aboutReport = report.reportId();
		}
		else {
			address = this.jdbc.sql("select abuse_contact from account where ref = :ref")
				.param("ref", recipients.customerAccount())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
						"The account " + recipients.customerAccount() + " has no abuse contact."));
			kind = "notify_owner";
			shown = address;
			aboutReport = 0;
		}
		String idempotencyKey = "letter:" + caseId + ":" + key;
		boolean queued = this.outbound.queue(new Outbound.Message(idempotencyKey, kind, aboutReport, caseId, address,
				subject.strip(), body.strip() + "\n"));
		if (queued) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("party", party);
			details.put("report_id", (aboutReport != 0) ? aboutReport : null);
			details.put("kind", kind);
			details.put("subject", subject.strip());
			details.put("idempotency_key", idempotencyKey);
			this.audit.append("case:" + caseId, "staff:" + staff, "case.letter_sent", details);
		}
		return shown;
	}

	private static void text(String field, String value, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", "Write the " + field + "."));
		}
		else if (value.length() > max) {
			errors.add(new FieldError(field, "too_long", "At most " + max + " characters."));
		}
	}

}
