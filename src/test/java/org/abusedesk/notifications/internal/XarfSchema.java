package org.abusedesk.notifications.internal;

import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The published X-ARF v4 JSON schemas (xarf/xarf-spec {@code schemas/v4}, copied with
 * their source into {@code src/test/resources/xarf/v4}), formats asserted (uuid, email,
 * date-time, hostname, uri), read from the classpath only.
 */
final class XarfSchema {

	private final Schema master;

	private XarfSchema(Schema master) {
		this.master = master;
	}

	static XarfSchema load() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
					.schemaIdResolvers(
							(resolvers) -> resolvers.mapPrefix("https://xarf.org/schemas/v4/", "classpath:xarf/v4/")));
		return new XarfSchema(registry.getSchema(SchemaLocation.of("https://xarf.org/schemas/v4/xarf-v4-master.json")));
	}

	/** What the document breaks of the schema; empty when it is valid. */
	List<String> errors(String json) {
		return this.master.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
	}

}
