package org.abusedesk.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.Service;
import org.abusedesk.vocabulary.WireValue;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;

/**
 * The catalog document in the OpenAPI document: {@link CatalogController} reads its body
 * as text (the import checks every field itself), so its schema is written here, after
 * docs/catalog-format.md, with the demo catalog as the example.
 */
@Configuration(proxyBeanMethods = false)
class CatalogApiDocumentation {

	private static final List<String> SERVICES = WireValue.wires(Service.class);

	@Bean
	@Order(10)
	OpenApiCustomizer catalogBody() {
		return CatalogApiDocumentation::document;
	}

	static void document(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSchemas("CatalogDocument", catalog());
		PathItem item = (api.getPaths() != null) ? api.getPaths().get("/api/v1/catalog") : null;
		Operation put = (item != null) ? item.getPut() : null;
		if (put == null) {
			return;
		}
		put.summary("Replace the catalog")
			.description("Upserts every account by its ref with its complete property list (docs/catalog-format.md). "
					+ "Admins only.");
		MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/CatalogDocument"))
			.example(demoCatalog());
		put.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json", json)));
	}

	private static Object demoCatalog() {
		try (InputStream in = new ClassPathResource("demo-catalog.json").getInputStream()) {
			return JsonMapper.builder().build().readValue(in, Map.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema<?> catalog() {
		Schema<?> delivery = new ObjectSchema().description("How the contact wants our notices")
			.addProperty("format", new StringSchema()._enum(WireValue.wires(DeliveryPreference.Format.class)))
			.addProperty("aggregation", new StringSchema()._enum(WireValue.wires(DeliveryPreference.Aggregation.class)))
			.addProperty("digest_seconds",
					new IntegerSchema().minimum(java.math.BigDecimal.valueOf(60))
						.maximum(java.math.BigDecimal.valueOf(86400))
						.multipleOf(java.math.BigDecimal.valueOf(60))
						.description("Seconds between digests, in whole minutes; only (and then required) with digest"))
			.addProperty("digest_minutes",
					new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(1440))
						.deprecated(true)
						.description("The spelling of digest_seconds before ADR 0014, in minutes; still read"));
		Schema<?> origin = new ObjectSchema().description("Only with proxy: where the content really is")
			.addProperty("address", new StringSchema().description("An IP address or host name"))
			.addProperty("host_name", new StringSchema())
			.addProperty("host_abuse_contact", new StringSchema().format("email"))
			.addProperty("delivery", delivery)
			.required(List.of("address"));
		Schema<?> property = new ObjectSchema()
			.description("One of zone (the name and its subdomains), hostname (that name only) or prefix (CIDR)")
			.addProperty("zone", new StringSchema())
			.addProperty("hostname", new StringSchema())
			.addProperty("prefix", new StringSchema().example("198.51.100.0/24"))
			.addProperty("services", new ArraySchema().items(new StringSchema()._enum(SERVICES)).minItems(1))
			.addProperty("origin", origin)
			.required(List.of("services"));
		Schema<?> account = new ObjectSchema()
			.addProperty("ref", new StringSchema().description("The operator's stable key; imports upsert by it"))
			.addProperty("name", new StringSchema())
			.addProperty("abuse_contact", new StringSchema().format("email"))
			.addProperty("escalation_contact", new StringSchema().format("email").nullable(true))
			.addProperty("at_risk", new BooleanSchema().description("Actions need a senior reviewer"))
			.addProperty("status", new StringSchema()._enum(WireValue.wires(AccountStatus.class)))
			.addProperty("properties", new ArraySchema().items(property))
			.addProperty("delivery", delivery)
			.required(List.of("ref", "name", "abuse_contact", "at_risk", "status", "properties"));
		return new ObjectSchema().description("The operator's accounts and what they own (docs/catalog-format.md)")
			.addProperty("accounts", new ArraySchema().items(account))
			.required(List.of("accounts"));
	}

}
