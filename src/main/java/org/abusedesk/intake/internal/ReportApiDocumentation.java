package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.vocabulary.WireValue;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The report bodies in the OpenAPI document. The intake endpoints read their bodies as
 * bytes (to archive them exactly as sent), so nothing in their signatures tells springdoc
 * what they take: one schema per report type is built here from the same
 * {@link ReportTypeSpecs} the validator and the web form read.
 */
@Configuration(proxyBeanMethods = false)
class ReportApiDocumentation {

	private static final String SCHEMAS = "#/components/schemas/";

	@Bean
	@Order(10)
	OpenApiCustomizer reportBodies() {
		return ReportApiDocumentation::document;
	}

	static void document(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		Components components = api.getComponents();
		components.addSchemas("Reporter", reporter()).addSchemas("Notify", notifySchema());
		for (TypeSpec spec : ReportTypeSpecs.all()) {
			components.addSchemas(schemaName(spec.type()), report(spec));
		}
		components.addSchemas("BatchRequest", batch());
		if (api.getPaths() == null) {
			return;
		}
		operation(api, "/api/v1/reports/{type}", PathItem.HttpMethod.POST).ifPresent((operation) -> {
			operation.summary("File a report")
				.description("Files one report of the type in the path (" + String.join(", ", typeNames())
						+ "). The body is the report; its fields depend on the type (one schema per type). "
						+ "The answer is the receipt: the tracking code and the secret of the status page.");
			Content content = new Content().addMediaType("application/json", anyReport(examples()));
			operation.requestBody(new RequestBody().required(true).content(content));
		});
		operation(api, "/api/v1/reports:batch", PathItem.HttpMethod.POST).ifPresent((operation) -> {
			operation.summary("File up to " + BatchIntake.MAX_REPORTS + " reports at once")
				.description("Each report is accepted or rejected on its own; the receipts are in the answer, "
						+ "not sent by email. Needs a reporter token.");
			MediaType json = new MediaType().schema(new Schema<>().$ref(SCHEMAS + "BatchRequest"))
				.example(Map.of("reports", List.of(Map.of("type", "phishing", "report", phishingExample()))));
			operation.requestBody(
					new RequestBody().required(true).content(new Content().addMediaType("application/json", json)));
		});
	}

	private static java.util.Optional<Operation> operation(OpenAPI api, String path, PathItem.HttpMethod method) {
		PathItem item = api.getPaths().get(path);
		return java.util.Optional.ofNullable(item).map((found) -> found.readOperationsMap().get(method));
	}

	private static MediaType anyReport(Map<String, Example> examples) {
		ComposedSchema oneOf = new ComposedSchema();
		for (ReportType type : ReportType.values()) {
			oneOf.addOneOfItem(new Schema<>().$ref(SCHEMAS + schemaName(type)));
		}
		oneOf.description("The report; which schema applies is chosen by the type in the path.");
		return new MediaType().schema(oneOf).examples(examples);
	}

	private static Map<String, Example> examples() {
		Map<String, Example> examples = new LinkedHashMap<>();
		examples.put("phishing", new Example().summary("POST /api/v1/reports/phishing").value(phishingExample()));
		Map<String, Object> network = new LinkedHashMap<>();
		network.put("reporter", Map.of("name", "Nadia Netops", "email", "noc@isp.example", "kind", "organisation"));
		network.put("ips", List.of("192.0.2.10"));
		network.put("ports", List.of(22));
		network.put("justification", "SSH brute force against our network since 03:00 UTC, about 40 attempts "
				+ "a second; logs attached in the comments.");
		network.put("notify", Map.of("host", "send", "owner", "send-anon"));
		network.put("good_faith", true);
		examples.put("general", new Example().summary("POST /api/v1/reports/general (network abuse)").value(network));
		return examples;
	}

	private static Map<String, Object> phishingExample() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reporter", Map.of("name", "Rita Reporter", "email", "rita@reporter.example", "kind", "individual"));
		report.put("urls", List.of("https://login.proxied.example/bank/"));
		report.put("justification", "A copy of Example Bank's login page that collects passwords.");
		report.put("targeted_brand", "Example Bank");
		report.put("notify", Map.of("host", "send", "owner", "send-anon"));
		report.put("good_faith", true);
		return report;
	}

	private static Schema<?> report(TypeSpec spec) {
		ObjectSchema schema = new ObjectSchema();
		schema.title(spec.title()).description(spec.description());
		List<String> required = new ArrayList<>();
		schema.addProperty("reporter", new Schema<>().$ref(SCHEMAS + "Reporter")
			.description(spec.reporterOptional() ? "Optional for this type." : "Who reports."));
		if (!spec.reporterOptional()) {
			required.add("reporter");
		}
		schema.addProperty("urls",
				new ArraySchema().items(new StringSchema().format("uri").maxLength(ReportLimits.MAX_URL_LENGTH))
					.maxItems(ReportLimits.MAX_URLS)
					.description("The content, absolute http(s) URLs on one host name"
							+ (spec.directUrlRequired() ? ", each pointing at the content itself" : "")));
		if (spec.addresses()) {
			schema.addProperty("ips",
					new ArraySchema().items(new StringSchema().description("IPv4 or IPv6"))
						.maxItems(ReportLimits.MAX_URLS)
						.description("For network abuse: the addresses, instead of (or beside) URLs"));
		}
		else {
			required.add("urls");
		}
		schema.addProperty("justification", new StringSchema().maxLength(ReportLimits.MAX_JUSTIFICATION)
			.description("Why the content is illegal or abusive"));
		required.add("justification");
		schema.addProperty("comments", new StringSchema().maxLength(ReportLimits.MAX_COMMENTS));
		schema.addProperty("notify", new Schema<>().$ref(SCHEMAS + "Notify"));
		required.add("notify");
		schema.addProperty("good_faith",
				new BooleanSchema().description("The reporter's statement of good faith; must be true"));
		required.add("good_faith");
		for (FieldSpec field : spec.fields()) {
			schema.addProperty(field.name(), field(field));
			if (field.required()) {
				required.add(field.name());
			}
		}
		if (spec.documentRequired()) {
			schema.addProperty("document",
					new ObjectSchema().description("The order, as a file")
						.addProperty("filename", new StringSchema().maxLength(ReportLimits.MAX_NAME))
						.addProperty("content_type", new StringSchema().example("application/pdf"))
						.addProperty("data_base64", new StringSchema().format("byte"))
						.required(List.of("filename", "data_base64")));
			required.add("document");
		}
		schema.required(required);
		schema.additionalProperties(false);
		return schema;
	}

	private static Schema<?> field(FieldSpec field) {
		Schema<?> schema = switch (field.kind()) {
			case TEXT, TEXTAREA -> new StringSchema().maxLength(field.maxLength());
			case AFFIRMATION -> new BooleanSchema().description("Must be true");
			case BOOLEAN -> new BooleanSchema();
			case CHOICE -> new StringSchema()._enum(field.choices());
			case COUNTRY -> new StringSchema().pattern("^[A-Z]{2}$");
			case COUNTRY_LIST -> new ArraySchema().items(new StringSchema().pattern("^[A-Z]{2}$"));
			case PORT_LIST -> new ArraySchema().items(
					new IntegerSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(65535)));
		};
		String description = field.label() + ". " + field.help();
		return schema
			.description(schema.getDescription() == null ? description : description + " " + schema.getDescription());
	}

	private static Schema<?> reporter() {
		return new ObjectSchema().description("Who reports. With a reporter token, the token's holder.")
			.addProperty("name", new StringSchema().maxLength(ReportLimits.MAX_NAME))
			.addProperty("email", new StringSchema().format("email").maxLength(ReportLimits.MAX_EMAIL))
			.addProperty("kind",
					new StringSchema()._enum(wires(ReporterKind.values()))
						.description("individual, organisation and rights_holder may say so themselves; "
								+ "the other kinds need the reporter token the operator issued to them"))
			.addProperty("organisation", new StringSchema().maxLength(ReportLimits.MAX_NAME))
			.addProperty("country", new StringSchema().pattern("^[A-Z]{2}$"))
			.required(List.of("name", "email", "kind"));
	}

	private static Schema<?> notifySchema() {
		List<String> choices = wires(NotifyChoice.values());
		return new ObjectSchema()
			.description("Whether the host and the owner hear of the report with the reporter's contact (send), "
					+ "without it (send-anon) or not at all (none); ncmec only for child sexual abuse material")
			.addProperty("host", new StringSchema()._enum(choices))
			.addProperty("owner", new StringSchema()._enum(choices))
			.addProperty("ncmec", new StringSchema()._enum(choices))
			.required(List.of("host", "owner"));
	}

	private static Schema<?> batch() {
		ObjectSchema item = new ObjectSchema();
		item.addProperty("type", new StringSchema()._enum(typeNames()));
		ComposedSchema report = new ComposedSchema();
		for (ReportType type : ReportType.values()) {
			report.addOneOfItem(new Schema<>().$ref(SCHEMAS + schemaName(type)));
		}
		item.addProperty("report", report.description("The report, by the schema of its type"));
		item.required(List.of("type", "report"));
		return new ObjectSchema()
			.addProperty("reports", new ArraySchema().items(item).minItems(1).maxItems(BatchIntake.MAX_REPORTS))
			.required(List.of("reports"));
	}

	private static String schemaName(ReportType type) {
		StringBuilder name = new StringBuilder();
		for (String part : type.wire().split("_")) {
			name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return name.append("Report").toString();
	}

	private static List<String> typeNames() {
		return wires(ReportType.values());
	}

	private static List<String> wires(WireValue[] values) {
		List<String> wires = new ArrayList<>();
		for (WireValue value : values) {
			wires.add(value.wire());
		}
		return wires;
	}

}
