package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.Origin;
import org.abusedesk.vocabulary.WireValue;
import org.abusedesk.catalog.Service;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.problems.JsonLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates a catalog document (docs/catalog-format.md) entry by entry, so that
 * one bad entry does not hold back the others. Checks everything that needs no database;
 * ownership conflicts with stored accounts are the importer's job.
 */
final class CatalogDocumentReader {

	private static final Set<String> ACCOUNT_FIELDS = Set.of("ref", "name", "abuse_contact", "escalation_contact",
			"at_risk", "status", "properties", "delivery");

	private static final Set<String> PROPERTY_FIELDS = Set.of("zone", "hostname", "prefix", "services", "origin");

	private static final Set<String> ORIGIN_FIELDS = Set.of("address", "host_name", "host_abuse_contact", "delivery");

	private static final Set<String> DELIVERY_FIELDS = Set.of("format", "aggregation", "digest_seconds",
			"digest_minutes");

	private static final int MAX_TEXT = 500;

	// duplicate keys would otherwise silently keep the last value
	// duplicate keys are an error; an account nests a few levels, and a catalog within
	// its
	// size limit (abusedesk.http.catalog-bytes) has at most a few million tokens
	private static final JsonMapper JSON = JsonLimits.treeReader(16, 8_000_000);

	/** One account entry: valid (a draft) or rejected (errors). */
	record Entry(int index, String ref, AccountDraft draft, List<FieldError> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

		Entry reject(List<FieldError> more) {
			List<FieldError> all = new ArrayList<>(this.errors);
			all.addAll(more);
			return new Entry(this.index, this.ref, null, List.copyOf(all));
		}

	}

	/**
	 * @throws InvalidInputException when the document is not JSON or has no
	 * {@code accounts} list
	 */
	List<Entry> read(String json) {
		JsonNode root;
		try {
			root = JSON.readTree((json != null) ? json : "");
		}
		catch (StreamConstraintsException ex) {
			throw JsonLimits.tooComplex(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("", "invalid",
					"the catalog document is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidInputException("", "invalid", "the catalog document must be a JSON object");
		}
		List<FieldError> topErrors = new ArrayList<>();
		for (String name : root.propertyNames()) {
			if (!name.equals("accounts")) {
				topErrors.add(new FieldError(name, "unknown_field", "unknown field '" + name + "'"));
			}
		}
		JsonNode accounts = root.get("accounts");
		if (accounts == null || accounts.isNull()) {
			topErrors.add(0, new FieldError("accounts", "required", "the list of accounts is required"));
		}
		else if (!accounts.isArray()) {
			topErrors.add(0, new FieldError("accounts", "invalid", "must be a list of accounts"));
		}
		if (!topErrors.isEmpty()) {
			throw new InvalidInputException(topErrors);
		}
		List<Entry> entries = new ArrayList<>(accounts.size());
		for (int i = 0; i < accounts.size(); i++) {
			entries.add(readAccount(i, accounts.get(i)));
		}
		return rejectDuplicates(entries);
	}

	private Entry readAccount(int index, JsonNode node) {
		String path = "accounts[" + index + "]";
		Fields fields = new Fields(path);
		if (!node.isObject()) {
			fields.error("", "invalid", "must be an object");
			return new Entry(index, null, null, fields.errors);
		}
		fields.unknown(node, ACCOUNT_FIELDS);
		String ref = fields.text(node, "ref", true);
		String name = fields.text(node, "name", true);
		String abuseContact = fields.email(node, "abuse_contact", true);
		String escalationContact = fields.email(node, "escalation_contact", false);
		Boolean atRisk = fields.bool(node, "at_risk");
		String statusText = fields.text(node, "status", true);
		AccountStatus status = AccountStatus.fromWire(statusText).orElse(null);
		if (statusText != null && status == null) {
			fields.error("status", "invalid", "must be one of " + WireValue.allowed(AccountStatus.class));
		}
		Map<String, DeliveryPreference> deliveries = new java.util.LinkedHashMap<>();
		DeliveryPreference own = readDelivery(fields, "delivery", node.get("delivery"));
		if (own != null && abuseContact != null) {
			deliveries.put(abuseContact, own);
		}
		List<AccountDraft.PropertyDraft> properties = new ArrayList<>();
		JsonNode list = node.get("properties");
		if (list == null || list.isNull()) {
			// required, so that a forgotten list never empties an account by accident
			fields.error("properties", "required", "the list of properties is required (it may be empty)");
		}
		else if (!list.isArray()) {
			fields.error("properties", "invalid", "must be a list");
		}
		else {
			Set<AccountDraft.PropertyKey> seen = new HashSet<>();
			for (int j = 0; j < list.size(); j++) {
				AccountDraft.PropertyDraft property = readProperty(fields, j, list.get(j));
				JsonNode origin = list.get(j).isObject() ? list.get(j).get("origin") : null;
				if (origin != null && origin.isObject() && origin.has("delivery")) {
					String where = "properties[" + j + "].origin.delivery";
					DeliveryPreference hosts = readDelivery(fields, where, origin.get("delivery"));
					if (hosts != null && property != null && property.origin() != null
							&& property.origin().hostAbuseContact() != null) {
						deliveries.put(property.origin().hostAbuseContact(), hosts);
					}
					else if (hosts != null) {
						fields.error(where, "not_applicable", "a delivery preference needs a host_abuse_contact");
					}
				}
				if (property != null && !seen.add(property.key())) {
					fields.error("properties[" + j + "]." + property.field(), "duplicate",
							"listed twice in this account");
				}
				properties.add(property);
			}
		}
		if (!fields.errors.isEmpty()) {
			return new Entry(index, ref, null, fields.errors);
		}
		AccountDraft draft = new AccountDraft(index, ref, name, abuseContact, escalationContact, atRisk, status,
				List.copyOf(properties), Map.copyOf(deliveries));
		return new Entry(index, ref, draft, List.of());
	}

	private AccountDraft.PropertyDraft readProperty(Fields fields, int position, JsonNode node) {
		String path = "properties[" + position + "]";
		if (!node.isObject()) {
			fields.error(path, "invalid", "must be an object");
			return null;
		}
		int before = fields.errors.size();
		fields.unknown(node, PROPERTY_FIELDS, path + ".");
		List<String> named = new ArrayList<>();
		for (String field : List.of("zone", "hostname", "prefix")) {
			if (node.has(field)) {
				named.add(field);
			}
		}
		if (named.isEmpty()) {
			fields.error(path, "required", "needs one of zone, hostname or prefix");
			return null;
		}
		if (named.size() > 1) {
			fields.error(path, "invalid", "has " + String.join(" and ", named) + "; give exactly one");
			return null;
		}
		String field = named.get(0);
		String value = fields.text(node, field, true, path + ".");
		PropertyKind kind = field.equals("prefix") ? PropertyKind.IP_PREFIX
				: field.equals("zone") ? PropertyKind.ZONE : PropertyKind.HOSTNAME;
		if (value != null) {
			value = normaliseValue(fields, path + "." + field, kind, value);
		}
		Set<Service> services = readServices(fields, path, node.get("services"));
		Origin origin = readOrigin(fields, path, node.get("origin"));
		if (origin != null && services != null && !services.contains(Service.PROXY)) {
			fields.error(path + ".origin", "not_applicable", "an origin is only meaningful for the proxy service");
		}
		if (fields.errors.size() > before || value == null) {
			return null;
		}
		return new AccountDraft.PropertyDraft(position, field, kind, value, services, origin);
	}

	private String normaliseValue(Fields fields, String path, PropertyKind kind, String value) {
		try {
			if (kind == PropertyKind.IP_PREFIX) {
				return Prefix.parse(value).text();
			}
			return TargetParser.parseHostName(value);
		}
		catch (InvalidTargetException ex) {
			fields.error(path, "invalid", "'" + value + "' is not a host name (no scheme, port or path)");
		}
		catch (IllegalArgumentException ex) {
			fields.error(path, "invalid", ex.getMessage());
		}
		return null;
	}

	private Set<Service> readServices(Fields fields, String path, JsonNode node) {
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			fields.error(path + ".services", "required", "at least one service is required");
			return null;
		}
		if (!node.isArray()) {
			fields.error(path + ".services", "invalid", "must be a list of services");
			return null;
		}
		Set<Service> services = EnumSet.noneOf(Service.class);
		for (int k = 0; k < node.size(); k++) {
			JsonNode item = node.get(k);
			Service service = item.isString() ? Service.fromWire(item.stringValue()).orElse(null) : null;
			if (service == null) {
				fields.error(path + ".services[" + k + "]", "unknown_service",
						"unknown service " + item + "; known: proxy, hosting, registrar, dns, resolver");
			}
			else {
				services.add(service);
			}
		}
		return services;
	}

	/**
	 * {@code {"format": "prose" | "prose_xarf" | "arf", "aggregation": "immediate" |
	 * "digest", "digest_seconds": 60..86400}} in whole minutes; {@code digest_seconds}
	 * only (and then required) with a digest. {@code digest_minutes} (1..1440), its
	 * spelling before ADR 0014, is still read.
	 */
	private DeliveryPreference readDelivery(Fields fields, String path, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			fields.error(path, "invalid", "must be an object");
			return null;
		}
		String prefix = path + ".";
		int before = fields.errors.size();
		fields.unknown(node, DELIVERY_FIELDS, prefix);
		String formatText = fields.text(node, "format", false, prefix);
		String aggregationText = fields.text(node, "aggregation", false, prefix);
		DeliveryPreference.Format format = (formatText == null) ? DeliveryPreference.Format.PROSE
				: WireValue.parse(DeliveryPreference.Format.class, formatText).orElse(null);
		if (format == null) {
			fields.error(prefix + "format", "invalid",
					"must be one of " + WireValue.allowed(DeliveryPreference.Format.class));
		}
		DeliveryPreference.Aggregation aggregation = (aggregationText == null)
				? DeliveryPreference.Aggregation.IMMEDIATE
				: WireValue.parse(DeliveryPreference.Aggregation.class, aggregationText).orElse(null);
		if (aggregation == null) {
			fields.error(prefix + "aggregation", "invalid",
					"must be one of " + WireValue.allowed(DeliveryPreference.Aggregation.class));
		}
		int minutes = 0;
		String field = digestField(node);
		if (field == null) {
			fields.error(prefix + "digest_minutes", "invalid",
					"digest_minutes is the old spelling of digest_seconds: give only digest_seconds");
		}
		else if (aggregation == DeliveryPreference.Aggregation.DIGEST) {
			minutes = digestMinutes(node.get(field), field.equals("digest_minutes") ? 60 : 1);
			if (minutes == 0) {
				fields.error(prefix + field, "invalid",
						field.equals("digest_minutes")
								? "a digest needs digest_minutes between 1 and " + DeliveryPreference.MAX_DIGEST_MINUTES
								: "a digest needs digest_seconds between 60 and "
										+ DeliveryPreference.MAX_DIGEST_MINUTES * 60 + ", in whole minutes");
			}
		}
		else if (node.get(field) != null && !node.get(field).isNull()) {
			fields.error(prefix + field, "not_applicable", "only with aggregation digest");
		}
		return (fields.errors.size() > before) ? null : new DeliveryPreference(format, aggregation, minutes);
	}

	/**
	 * Which field gives the digest's interval: {@code digest_seconds}, or
	 * {@code digest_minutes}, its old spelling, still read; {@code null} when both are
	 * given.
	 */
	private static String digestField(JsonNode node) {
		boolean seconds = node.get("digest_seconds") != null && !node.get("digest_seconds").isNull();
		boolean minutes = node.get("digest_minutes") != null && !node.get("digest_minutes").isNull();
		if (seconds && minutes) {
			return null;
		}
		return minutes ? "digest_minutes" : "digest_seconds";
	}

	/**
	 * The digest's interval in whole minutes from a count of {@code unitSeconds}, or 0
	 * when it is not a whole number of minutes from 1 to the maximum.
	 */
	private static int digestMinutes(JsonNode value, int unitSeconds) {
		if (value == null || !value.isIntegralNumber()) {
			return 0;
		}
		long seconds = value.asLong() * unitSeconds;
		if (seconds % 60 != 0 || seconds < 60 || seconds > DeliveryPreference.MAX_DIGEST_MINUTES * 60L) {
			return 0;
		}
		return (int) (seconds / 60);
	}

	private Origin readOrigin(Fields fields, String path, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String prefix = path + ".origin.";
		if (!node.isObject()) {
			fields.error(path + ".origin", "invalid", "must be an object");
			return null;
		}
		fields.unknown(node, ORIGIN_FIELDS, prefix);
		String address = fields.text(node, "address", true, prefix);
		if (address != null) {
			try {
				// the origin is an IP address or a host name; keep it in canonical form
				address = TargetParser.parseHostOrAddress(address);
			}
			catch (InvalidTargetException ex) {
				fields.error(prefix + "address", "invalid", "must be an IP address or a host name");
			}
		}
		String hostName = fields.text(node, "host_name", false, prefix);
		String hostAbuseContact = fields.email(node, "host_abuse_contact", false, prefix);
		return new Origin(address, hostName, hostAbuseContact);
	}

	/**
	 * Rejects later entries that repeat a ref or claim a property an earlier entry of a
	 * different account already claims: the document must not contradict itself.
	 */
	private static List<Entry> rejectDuplicates(List<Entry> entries) {
		Map<String, Integer> refs = new HashMap<>();
		Map<AccountDraft.PropertyKey, Integer> claims = new HashMap<>();
		List<Entry> result = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			if (!entry.valid()) {
				result.add(entry);
				continue;
			}
			String path = "accounts[" + entry.index() + "]";
			Integer earlier = refs.putIfAbsent(entry.ref(), entry.index());
			if (earlier != null) {
				result.add(entry.reject(List.of(new FieldError(path + ".ref", "conflict",
						"ref '" + entry.ref() + "' already appears in accounts[" + earlier + "]"))));
				continue;
			}
			List<FieldError> conflicts = new ArrayList<>();
			for (AccountDraft.PropertyDraft property : entry.draft().properties()) {
				Integer owner = claims.get(property.key());
				if (owner != null) {
					conflicts.add(new FieldError(path + ".properties[" + property.position() + "]." + property.field(),
							"conflict", "'" + property.value() + "' is also listed by accounts[" + owner + "]"));
				}
			}
			if (conflicts.isEmpty()) {
				entry.draft().properties().forEach((property) -> claims.put(property.key(), entry.index()));
				result.add(entry);
			}
			else {
				result.add(entry.reject(conflicts));
			}
		}
		return result;
	}

	/** Collects the errors of one account entry, with paths below it. */
	private static final class Fields {

		private final String path;

		private final List<FieldError> errors = new ArrayList<>();

		Fields(String path) {
			this.path = path;
		}

		void error(String field, String code, String message) {
			this.errors.add(new FieldError(field.isEmpty() ? this.path : this.path + "." + field, code, message));
		}

		void unknown(JsonNode node, Set<String> known) {
			unknown(node, known, "");
		}

		void unknown(JsonNode node, Set<String> known, String prefix) {
			for (String name : node.propertyNames()) {
				if (!known.contains(name)) {
					error(prefix + name, "unknown_field", "unknown field '" + name + "'");
				}
			}
		}

		String text(JsonNode node, String field, boolean required) {
			return text(node, field, required, "");
		}

		String text(JsonNode node, String field, boolean required, String prefix) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
				if (required) {
					error(prefix + field, "required", "is required");
				}
				return null;
			}
			if (!value.isString()) {
				error(prefix + field, "invalid", "must be a string");
				return null;
			}
			String text = value.stringValue().strip();
			if (text.length() > MAX_TEXT) {
				error(prefix + field, "too_long", "must be at most " + MAX_TEXT + " characters");
				return null;
			}
			return text;
		}

		String email(JsonNode node, String field, boolean required) {
			return email(node, field, required, "");
		}

		String email(JsonNode node, String field, boolean required, String prefix) {
			String text = text(node, field, required, prefix);
			if (text != null && !EmailAddresses.isValid(text)) {
				error(prefix + field, "invalid", "must be an email address");
				return null;
			}
			return text;
		}

		Boolean bool(JsonNode node, String field) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				// required: a forgotten flag must never clear the risk marking
				error(field, "required", "is required (true or false)");
				return null;
			}
			if (!value.isBoolean()) {
				error(field, "invalid", "must be true or false");
				return null;
			}
			return value.booleanValue();
		}

	}

}
