package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Targets;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a report from its JSON body and checks every field, collecting every problem
 * before it answers (a reporter fixes them all in one go).
 */
@Component
class ReportValidator {

	/** Types accepted over the API so far; the others are added by the intake issue. */
	static final Set<ReportType> SUPPORTED = Set.of(ReportType.GENERAL, ReportType.PHISHING);

	private static final Set<String> COMMON_FIELDS = Set.of("reporter", "urls", "justification", "comments", "notify",
			"good_faith");

	private static final Map<ReportType, Set<String>> TYPE_FIELDS = Map.of(ReportType.PHISHING,
			Set.of("targeted_brand"), ReportType.GENERAL, Set.of("ips"));

	private static final Set<String> REPORTER_FIELDS = Set.of("name", "email", "kind", "organisation", "country");

	private static final Set<String> NOTIFY_FIELDS = Set.of("host", "owner");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\s]+");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

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
		ReportType type = ReportType.fromWire(typeName)
			.filter(SUPPORTED::contains)
			.orElseThrow(() -> new InvalidInputException("type", "unsupported_type",
					"Reports of type '" + typeName + "' are not accepted here; use one of " + supportedNames() + "."));
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("", "invalid_json", "The request body is not valid JSON.");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidInputException("", "invalid_json", "The request body must be a JSON object.");
		}
		Errors errors = new Errors();
		Set<String> allowed = new HashSet<>(COMMON_FIELDS);
		allowed.addAll(TYPE_FIELDS.getOrDefault(type, Set.of()));
		errors.unknownFields(root, "", allowed);

		Reporter reporter = reporter(root.get("reporter"), vouchedKind, errors);
		List<String> urls = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		String host = null;
		if (type == ReportType.GENERAL && root.has("ips") && !root.has("urls")) {
			host = addresses(root.get("ips"), addresses, errors);
		}
		else {
			host = urls(root.get("urls"), urls, errors);
			if (type == ReportType.GENERAL && root.has("ips")) {
				addresses(root.get("ips"), addresses, errors);
			}
		}
		String justification = errors.text(root, "justification", "", true, ReportLimits.MAX_JUSTIFICATION);
		if (justification != null && justification.isBlank()) {
			errors.add("justification", "required", "Explain why the content is abusive.");
		}
		String comments = errors.text(root, "comments", "", false, ReportLimits.MAX_COMMENTS);
		String brand = (type == ReportType.PHISHING)
				? errors.text(root, "targeted_brand", "", false, ReportLimits.MAX_NAME) : null;
		NotifyChoice[] notify = notify(type, root.get("notify"), errors);
		JsonNode goodFaith = root.get("good_faith");
		if (goodFaith == null || !goodFaith.isBoolean() || !goodFaith.booleanValue()) {
			errors.add("good_faith", "required",
					"Confirm that you believe in good faith that the information is accurate and complete.");
		}
		errors.throwIfAny();
		return new ReportSubmission(type, reporter, List.copyOf(urls), List.copyOf(addresses), host, justification,
				comments, brand, notify[0], notify[1]);
	}

	private static String supportedNames() {
		return SUPPORTED.stream().map(ReportType::wire).sorted().toList().toString();
	}

	private Reporter reporter(JsonNode node, ReporterKind vouchedKind, Errors errors) {
		if (node == null || !node.isObject()) {
			errors.add("reporter", "required", "Tell us who you are: name, email and kind.");
			return null;
		}
		errors.unknownFields(node, "reporter.", REPORTER_FIELDS);
		String name = errors.text(node, "name", "reporter.", true, ReportLimits.MAX_NAME);
		String email = errors.text(node, "email", "reporter.", true, ReportLimits.MAX_EMAIL);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.add("reporter.email", "invalid", "This is not an email address.");
		}
		ReporterKind kind;
		if (vouchedKind != null) {
			kind = vouchedKind;
			JsonNode declared = node.get("kind");
			if (declared != null && !(declared.isString() && declared.stringValue().equals(vouchedKind.wire()))) {
				errors.add("reporter.kind", "not_allowed",
						"Your reporter kind is set by your credentials (" + vouchedKind.wire() + ").");
			}
		}
		else {
			kind = errors.choice(node, "kind", "reporter.", ReporterKind::fromWire);
		}
		if (vouchedKind == null && kind != null && !kind.selfDeclared()) {
			errors.add("reporter.kind", "requires_token",
					"Reporters of kind '" + kind.wire() + "' report with the API token the operator issued to them.");
		}
		String organisation = errors.text(node, "organisation", "reporter.", false, ReportLimits.MAX_NAME);
		String country = errors.text(node, "country", "reporter.", false, 2);
		if (country != null && !COUNTRIES.contains(country)) {
			errors.add("reporter.country", "invalid", "Use an ISO 3166-1 alpha-2 country code such as DE or US.");
		}
		return new Reporter(name, email, kind, organisation, country);
	}

	/** Collects the URLs and answers their common host. */
	private String urls(JsonNode node, List<String> urls, Errors errors) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			errors.add("urls", "required", "Give at least one URL of the content.");
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
			Optional<String> host = httpHost(url);
			if (host.isEmpty()) {
				errors.add(field, "invalid_url", "Give an absolute http:// or https:// URL.");
				continue;
			}
			if (!seen.add(url)) {
				errors.add(field, "duplicate", "This URL is already in the list.");
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

	/** Collects the IP addresses of a network abuse report and answers the first. */
	private String addresses(JsonNode node, List<String> addresses, Errors errors) {
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

	private NotifyChoice[] notify(ReportType type, JsonNode node, Errors errors) {
		if (node == null || !node.isObject()) {
			errors.add("notify", "required",
					"Choose for the host and the owner whether to send your report with your contact (send), without it (send-anon) or not at all (none).");
			return new NotifyChoice[2];
		}
		errors.unknownFields(node, "notify.", NOTIFY_FIELDS);
		NotifyChoice host = errors.choice(node, "host", "notify.", NotifyChoice::fromWire);
		NotifyChoice owner = errors.choice(node, "owner", "notify.", NotifyChoice::fromWire);
		if (host == NotifyChoice.NONE) {
			errors.add("notify.host", "not_allowed", "The hosting provider is always told; choose send or send-anon.");
		}
		if (owner == NotifyChoice.NONE && !type.allowsNoOwnerNotice()) {
			errors.add("notify.owner", "not_allowed",
					"For " + type.wire() + " reports the owner is always told; choose send or send-anon.");
		}
		return new NotifyChoice[] { host, owner };
	}

	/** Collects field errors. */
	private static final class Errors {

		private final List<FieldError> list = new ArrayList<>();

		void add(String field, String code, String message) {
			this.list.add(new FieldError(field, code, message));
		}

		void unknownFields(JsonNode node, String prefix, Set<String> allowed) {
			for (String name : node.propertyNames()) {
				if (!allowed.contains(name)) {
					add(prefix + name, "unknown_field", "This field is not part of the report.");
				}
			}
		}

		String text(JsonNode parent, String name, String prefix, boolean required, int maxLength) {
			JsonNode node = parent.get(name);
			if (node == null || node.isNull()) {
				if (required) {
					add(prefix + name, "required", "This field is required.");
				}
				return null;
			}
			if (!node.isString()) {
				add(prefix + name, "invalid_type", "This field must be a string.");
				return null;
			}
			String value = node.stringValue().strip();
			if (required && value.isEmpty()) {
				add(prefix + name, "required", "This field is required.");
				return null;
			}
			if (value.length() > maxLength) {
				add(prefix + name, "too_long", "At most " + maxLength + " characters.");
				return null;
			}
			return value.isEmpty() ? null : value;
		}

		<T> T choice(JsonNode parent, String name, String prefix, Function<String, Optional<T>> parser) {
			JsonNode node = parent.get(name);
			if (node == null || node.isNull()) {
				add(prefix + name, "required", "This field is required.");
				return null;
			}
			Optional<T> value = node.isString() ? parser.apply(node.stringValue()) : Optional.empty();
			if (value.isEmpty()) {
				add(prefix + name, "invalid", "'" + node.asString() + "' is not one of the allowed values.");
				return null;
			}
			return value.get();
		}

		void throwIfAny() {
			if (!this.list.isEmpty()) {
				throw new InvalidInputException(this.list);
			}
		}

	}

}
