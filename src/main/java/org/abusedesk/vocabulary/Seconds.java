package org.abusedesk.vocabulary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A {@link Duration} on the wire (ADR 0014): whole seconds, as a number, in a field whose
 * name ends in {@code _seconds}, which the component names itself:
 * {@code @JsonProperty("due_in_seconds") @Seconds Duration dueIn}. Numbers add up in
 * tables and reports; ISO-8601 strings ({@code PT24H}) do not.
 */
@Target({ ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = Seconds.Writer.class)
@JsonDeserialize(using = Seconds.Reader.class)
public @interface Seconds {

	/** Writes whole seconds (a fraction of a second is dropped). */
	final class Writer extends StdSerializer<Duration> {

		public Writer() {
			super(Duration.class);
		}

		@Override
		public void serialize(Duration value, JsonGenerator json, SerializationContext context) {
			json.writeNumber(value.toSeconds());
		}

	}

	/** Reads whole seconds. */
	final class Reader extends StdDeserializer<Duration> {

		public Reader() {
			super(Duration.class);
		}

		@Override
		public Duration deserialize(JsonParser json, DeserializationContext context) {
			return Duration.ofSeconds(json.getValueAsLong());
		}

	}

}
