package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Targets;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.problems.JsonLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a report from its JSON body and checks every field against its type's
 * {@link TypeSpec}, collecting every problem before it answers (a reporter fixes them all
 * in one go).
 */
@Component
class ReportValidator {

	private static final Set<String> COMMON_FIELDS = Set.of("reporter", "urls", "justification", "comments", "notify",
			"good_faith");

	private static final Set<String> REPORTER_FIELDS = Set.of("name", "email", "kind", "organisation", "country");

	private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\s]+");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** The jurisdiction of an authority of the European Union, and its scope's name. */
	static final String EU = "EU";

	/** The 27 member states of the European Union, by their ISO 3166-1 codes. */
	static final List<String> EU_MEMBERS = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
			"GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

	/**
	 * A report nests a few levels (details, lists of URLs); 250 URLs and addresses and
	 * their fields are a few thousand tokens.
	 */
	static final JsonMapper REPORT_JSON = JsonLimits.treeReader(16, 20_000);

	private final ObjectMapper json;

	ReportValidator(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * @throws InvalidInputException with every problem found
	 */
	ReportSubmission validate(String typeName, byte[] body) {
		return validate(typeName, body, null);
	}

	/**
	 * @param vouchedKind the reporter kind a channel or token vouches for, or
	 * {@code null} for the kind the body declares
	 * @throws InvalidInputException with every problem found
	 */
	ReportSubmission validate(String typeName, byte[] body, ReporterKind vouchedKind) {
		return validate(typeName, body, vouchedKind, null);
	}

	/**
	 * @param vouchedKind the reporter kind a channel or token vouches for, or
	 * {@code null} for the kind the body declares
	 * @param tokenHolder who a reporter token belongs to: the reporter when the body
	 * names none; {@code null} without a token
	 * @throws InvalidInputException with every problem found
	 */
	ReportSubmission validate(String typeName, byte[] body, ReporterKind vouchedKind, Reporter tokenHolder) {
		JsonNode root;
		try {
			root = REPORT_JSON.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			throw JsonLimits.tooComplex(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("", "invalid_json", "The request body is not valid JSON.");
		}
		return validate(typeName, root, vouchedKind, tokenHolder);
	}

	/**
	 * The same for a body already read (an item of a batch).
	 * @param root the report's JSON, {@code null} when there is none
	 */
	ReportSubmission validate(String typeName, JsonNode root, ReporterKind vouchedKind, Reporter tokenHolder) {
		ReportType type = ReportType.fromWire(typeName)
			.orElseThrow(() -> new InvalidInputException("type", "unsupported_type",
					"There is no report type '" + typeName + "'."));
		TypeSpec spec = ReportTypeSpecs.of(type);
		if (root == null || !root.isObject()) {
			throw new InvalidInputException("", "invalid_json", "The request body must be a JSON object.");
		}
		FieldErrors errors = new FieldErrors();
		errors.unknownFields(root, "", allowedFields(spec));

		Reporter reporter = (tokenHolder != null && !root.has("reporter")) ? tokenHolder
				: reporter(spec, root.get("reporter"), vouchedKind, errors);
		List<String> urls = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		String host;
		if (spec.addresses() && root.has("ips") && !root.has("urls")) {
			host = addresses(root.get("ips"), addresses, errors);
		}
		else {
			host = urls(spec, root.get("urls"), urls, errors);
			if (spec.addresses() && root.has("ips")) {
				addresses(root.get("ips"), addresses, errors);
			}
		}
		String justification = errors.text(root, "justification", "", true, ReportLimits.MAX_JUSTIFICATION);
		String comments = errors.text(root, "comments", "", false, ReportLimits.MAX_COMMENTS);
		Map<String, Object> details = details(spec, root, errors);
		if (type == ReportType.LEGAL_ORDER) {
			territorialScope(details, errors);
		}
		Notify notify = notify(spec, root.get("notify"), errors);
		List<EvidenceFile> documents = spec.documentRequired() ? document(root.get("document"), errors) : List.of();
		JsonNode goodFaith = root.get("good_faith");
		if (goodFaith == null || !goodFaith.isBoolean() || !goodFaith.booleanValue()) {
			errors.add("good_faith", "required",
					"Confirm that you believe in good faith that the information is accurate and complete.");
		}
		errors.throwIfAny();
		return new ReportSubmission(type, reporter, List.copyOf(urls), List.copyOf(addresses), host, justification,
				comments, details, notify.host(), notify.owner(), notify.ncmec(), documents);
	}

	private static Set<String> allowedFields(TypeSpec spec) {
		Set<String> allowed = new HashSet<>(COMMON_FIELDS);
		spec.fields().forEach((field) -> allowed.add(field.name()));
		if (spec.addresses()) {
			allowed.add("ips");
		}
		if (spec.documentRequired()) {
			allowed.add("document");
		}
		return allowed;
	}

	private Reporter reporter(TypeSpec spec, JsonNode node, ReporterKind vouchedKind, FieldErrors errors) {
		if (node == null || node.isNull()) {
			if (spec.reporterOptional()) {
				return new Reporter(null, null, (vouchedKind != null) ? vouchedKind : ReporterKind.INDIVIDUAL, null,
						null);
			}
			errors.add("reporter", "required", "Tell us who you are: name, email and kind.");
			return null;
		}
		if (!node.isObject()) {
			errors.add("reporter", "invalid_type", "The reporter must be an object.");
			return null;
		}
		errors.unknownFields(node, "reporter.", REPORTER_FIELDS);
		boolean required = !spec.reporterOptional();
		String name = errors.text(node, "name", "reporter.", required, ReportLimits.MAX_NAME);
		String email = errors.text(node, "email", "reporter.", required, ReportLimits.MAX_EMAIL);
		if (email != null && !EmailAddresses.isValid(email)) {
			errors.add("reporter.email", "invalid", "This is not an email address.");
		}
		ReporterKind kind;
		JsonNode declared = node.get("kind");
		if (vouchedKind != null) {
			kind = vouchedKind;
			if (declared != null && !(declared.isString() && declared.stringValue().equals(vouchedKind.wire()))) {
				errors.add("reporter.kind", "not_allowed",
						"Your reporter kind is set by your credentials (" + vouchedKind.wire() + ").");
			}
		}
		else if (declared == null && spec.reporterOptional()) {
			kind = ReporterKind.INDIVIDUAL;
		}
		else {
			kind = errors.choice(node, "kind", "reporter.", ReporterKind::fromWire);
			if (kind != null && !kind.selfDeclared()) {
				errors.add("reporter.kind", "requires_token", "Reporters of kind '" + kind.wire()
						+ "' report with the API token the operator issued to them.");
			}
		}
		String organisation = errors.text(node, "organisation", "reporter.", false, ReportLimits.MAX_NAME);
		String country = errors.text(node, "country", "reporter.", false, 2);
		if (country != null && !COUNTRIES.contains(country)) {
			errors.add("reporter.country", "invalid", "Use an ISO 3166-1 alpha-2 country code such as DE or US.");
		}
		return new Reporter(name, email, kind, organisation, country);
	}

	/** Collects the URLs and answers their common host. */
	private String urls(TypeSpec spec, JsonNode node, List<String> urls, FieldErrors errors) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			errors.add("urls", "required",
					spec.addresses() ? "Give at least one URL, or the IP addresses (ips) for network abuse."
							: "Give at least one URL of the content.");
			return null;
		}
		if (node.size() > ReportLimits.MAX_URLS) {
			errors.add("urls", "too_many", "At most " + ReportLimits.MAX_URLS + " URLs per report.");
			return null;
		}
		String firstHost = null;
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String field = "urls[" + i + "]";
			JsonNode item = node.get(i);
			if (!item.isString()) {
				errors.add(field, "invalid_type", "Each URL must be a string.");
				continue;
			}
			String url = item.stringValue().trim();
			if (url.length() > ReportLimits.MAX_URL_LENGTH) {
				errors.add(field, "too_long", "At most " + ReportLimits.MAX_URL_LENGTH + " characters.");
				continue;
			}
			if (hasControlCharacter(url)) {
				errors.add(field, "invalid_url", "A URL may not contain control characters.");
				continue;
			}
			Optional<String> host = httpHost(url);
			if (host.isEmpty()) {
				errors.add(field, "invalid_url", "Give an absolute http:// or https:// URL.");
				continue;
			}
			if (!seen.add(url)) {
				errors.add(field, "duplicate", "This URL is already in the list.");
				continue;
			}
			if (spec.directUrlRequired() && !isDirect(url)) {
				errors.add(field, "direct_url_required", "Give the URL of the content itself, not of the whole site.");
				continue;
			}
			if (firstHost == null) {
				firstHost = host.get();
			}
			else if (!firstHost.equals(host.get())) {
				errors.add(field, "multiple_hosts",
						"All URLs of one report must be on one host name (" + firstHost + "); file another report.");
				continue;
			}
			urls.add(url);
		}
		return firstHost;
	}

	private static boolean hasControlCharacter(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	/** Whether a URL names more than a site: a path other than "/" or a query. */
	static boolean isDirect(String url) {
		int authorityStart = url.indexOf("//") + 2;
		int pathStart = url.length();
		for (int i = authorityStart; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				pathStart = i;
				break;
			}
		}
		String rest = url.substring(pathStart);
		int fragment = rest.indexOf('#');
		if (fragment >= 0) {
			rest = rest.substring(0, fragment);
		}
		return !(rest.isEmpty() || rest.equals("/"));
	}

	/** Collects the IP addresses of a network abuse report and answers the first. */
	private String addresses(JsonNode node, List<String> addresses, FieldErrors errors) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			errors.add("ips", "required", "Give at least one IP address, or URLs instead.");
			return null;
		}
		if (node.size() > ReportLimits.MAX_URLS) {
			errors.add("ips", "too_many", "At most " + ReportLimits.MAX_URLS + " addresses per report.");
			return null;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			String field = "ips[" + i + "]";
			JsonNode item = node.get(i);
			Optional<String> address = item.isString() ? Targets.address(item.stringValue().strip()) : Optional.empty();
			if (address.isEmpty()) {
				errors.add(field, "invalid_ip", "Give an IPv4 or IPv6 address.");
			}
			else if (!seen.add(address.get())) {
				errors.add(field, "duplicate", "This address is already in the list.");
			}
			else {
				addresses.add(address.get());
			}
		}
		return addresses.isEmpty() ? null : addresses.get(0);
	}

	/** The normalised host of an absolute http(s) URL, by the resolver's own rules. */
	static Optional<String> httpHost(String url) {
		if (!HTTP_URL.matcher(url).lookingAt()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Targets.normalize(url));
		}
		catch (InvalidTargetException ex) {
			return Optional.empty();
		}
	}

	private Map<String, Object> details(TypeSpec spec, JsonNode root, FieldErrors errors) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (FieldSpec field : spec.fields()) {
			Object value = switch (field.kind()) {
				case TEXT, TEXTAREA -> errors.text(root, field.name(), "", field.required(), field.maxLength());
				case AFFIRMATION -> errors.affirmation(root, field.name(), field.label());
				case BOOLEAN -> errors.bool(root, field.name(), field.required());
				case CHOICE -> errors.oneOf(root, field.name(), field.required(), field.choices());
				case COUNTRY -> "jurisdiction".equals(field.name()) ? jurisdiction(root, field, errors)
						: errors.country(root, field.name(), field.required(), COUNTRIES);
				case COUNTRY_LIST -> errors.countries(root, field.name(), field.required(), COUNTRIES);
				case PORT_LIST -> errors.ports(root, field.name(), field.required());
			};
			if (value != null) {
				details.put(field.name(), value);
			}
		}
		return details;
	}

	/** A country's code, or {@code EU} (in either case) for an authority of the Union. */
	private static String jurisdiction(JsonNode root, FieldSpec field, FieldErrors errors) {
		JsonNode node = root.get(field.name());
		if (node != null && node.isString() && EU.equalsIgnoreCase(node.stringValue().strip())) {
			return EU;
		}
		return errors.country(root, field.name(), field.required(), COUNTRIES);
	}

	/**
	 * An order binds only where its authority has jurisdiction: a national authority its
	 * own country, an authority of the Union its member states. {@code EU} in the scope
	 * stands for the member states and is stored as their codes. Checked only when the
	 * jurisdiction and every code of the scope are valid.
	 */
	private static void territorialScope(Map<String, Object> details, FieldErrors errors) {
		if (!(details.get("jurisdiction") instanceof String jurisdiction)
				|| !(details.get("territorial_scope") instanceof List<?> scope) || errors.has("territorial_scope")) {
			return;
		}
		Set<String> expanded = new LinkedHashSet<>();
		for (Object code : scope) {
			if (EU.equals(code)) {
				expanded.addAll(EU_MEMBERS);
			}
			else {
				expanded.add(String.valueOf(code));
			}
		}
		Set<String> allowed = EU.equals(jurisdiction) ? Set.copyOf(EU_MEMBERS) : Set.of(jurisdiction);
		List<String> outside = expanded.stream().filter((code) -> !allowed.contains(code)).toList();
		if (!outside.isEmpty()) {
			errors.add("territorial_scope", "outside_jurisdiction",
					EU.equals(jurisdiction)
							? "An order of an authority of the European Union covers only its member states; "
									+ String.join(", ", outside) + ((outside.size() == 1) ? " is" : " are")
									+ " outside its jurisdiction."
							: "An order of an authority in " + jurisdiction + " covers only " + jurisdiction + "; "
									+ String.join(", ", outside) + ((outside.size() == 1) ? " is" : " are")
									+ " outside its jurisdiction.");
			return;
		}
		details.put("territorial_scope", List.copyOf(expanded));
	}

	record Notify(NotifyChoice host, NotifyChoice owner, NotifyChoice ncmec) {
	}

	private Notify notify(TypeSpec spec, JsonNode node, FieldErrors errors) {
		if (node == null || !node.isObject()) {
			errors.add("notify", "required",
					"Choose for the host and the owner whether to send your report with your contact (send), "
							+ "without it (send-anon) or not at all (none).");
			return new Notify(null, null, null);
		}
		errors.unknownFields(node, "notify.",
				spec.ncmec() ? Set.of("host", "owner", "ncmec") : Set.of("host", "owner"));
		NotifyChoice host = recipient(spec, node, "host", errors);
		NotifyChoice owner = recipient(spec, node, "owner", errors);
		NotifyChoice ncmec = spec.ncmec() ? recipient(spec, node, "ncmec", errors) : null;
		return new Notify(host, owner, ncmec);
	}

	private NotifyChoice recipient(TypeSpec spec, JsonNode node, String recipient, FieldErrors errors) {
		NotifyChoice choice = errors.choice(node, recipient, "notify.", NotifyChoice::fromWire);
		if (choice == null) {
			return null;
		}
		boolean allowed = "ncmec".equals(recipient) ? choice != NotifyChoice.NONE : spec.allows(recipient, choice);
		if (!allowed) {
			errors.add("notify." + recipient, "not_allowed", switch (choice) {
				case SEND_ANON -> spec.type().wire() + " reports are forwarded with the reporter's name and contact.";
				case NONE -> "The " + recipient + " is always told about a " + spec.type().wire() + " report.";
				case SEND -> "Not allowed.";
			});
			return null;
		}
		return choice;
	}

	private List<EvidenceFile> document(JsonNode node, FieldErrors errors) {
		if (node == null || !node.isObject()) {
			errors.add("document", "required",
					"Attach the order: {\"filename\", \"content_type\", \"data_base64\"} (PDF, image or text).");
			return List.of();
		}
		errors.unknownFields(node, "document.", Set.of("filename", "content_type", "data_base64"));
		String filename = errors.text(node, "filename", "document.", true, ReportLimits.MAX_NAME);
		String declared = errors.text(node, "content_type", "document.", false, 100);
		String data = errors.text(node, "data_base64", "document.", true, Integer.MAX_VALUE);
		if (data == null) {
			return List.of();
		}
		byte[] content;
		try {
			content = Base64.getMimeDecoder().decode(data);
		}
		catch (IllegalArgumentException ex) {
			errors.add("document.data_base64", "invalid", "This is not valid base64.");
			return List.of();
		}
		if (content.length > ReportLimits.MAX_FILE_BYTES) {
			errors.add("document.data_base64", "too_large",
					"At most " + ReportLimits.MAX_FILE_BYTES / (1024 * 1024) + " MiB.");
			return List.of();
		}
		Optional<String> detected = ContentSniffer.detect(content);
		if (detected.isEmpty()) {
			errors.add("document.data_base64", "unsupported_content",
					"Send the order as PDF, PNG, JPEG, GIF, WebP or plain text.");
			return List.of();
		}
		return List.of(new EvidenceFile(filename, declared, detected.get(), content));
	}

}
