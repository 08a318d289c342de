package org.abusedesk.problems.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The error answers in the OpenAPI document: the RFC 9457 problem details this module
 * sends ({@link ProblemAdvice}, the security chains' 401 and 403), and which of them each
 * operation can answer. Runs after the other modules' documentation, so it sees every
 * operation's security and request body.
 */
@Configuration(proxyBeanMethods = false)
class ProblemDocumentation {

	static final String PROBLEM = "#/components/schemas/Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	OpenApiCustomizer problemResponses() {
		return ProblemDocumentation::document;
	}

	static void document(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSchemas("FieldError", fieldError()).addSchemas("Problem", problem());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			errorsOf(path, method, operation).forEach((status, error) -> {
				if (!operation.getResponses().containsKey(status)) {
					operation.getResponses().addApiResponse(status, error);
				}
			});
		}));
	}

	/** The problems {@code operation} can answer, by status. */
	private static Map<String, ApiResponse> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
		Map<String, ApiResponse> errors = new LinkedHashMap<>();
		boolean body = operation.getRequestBody() != null;
		errors.put("400", error("A parameter or the body cannot be read (e.g. not a number, not JSON).", "Bad Request",
				400, "Failed to convert 'id' with value: 'x'"));
		if (secured(operation)) {
			errors.put("401", error("No valid token of the kind this operation needs.", "Unauthorized", 401,
					"A valid bearer token is required."));
			errors.put("403", error("The token's role does not allow this operation.", "Forbidden", 403,
					"Your role does not allow this request."));
		}
		if (path.contains("{")) {
			errors.put("404", error("Nothing with this identifier (or not visible with this token).", "Not Found", 404,
					"No such item."));
		}
		if (body) {
			errors.put("413", error("The body is over the operation's limit.", "Request too large", 413,
					"The request body is over its limit of 1048576 bytes."));
			errors.put("415", error("The body is not JSON.", "Unsupported Media Type", 415,
					"Content-Type 'text/plain' is not supported."));
			ApiResponse invalid = error("One or more fields are invalid: each with its field, code and message.",
					"Invalid input", 422, "1 field is invalid.");
			invalid.getContent()
				.get(PROBLEM_JSON)
				.setExample(Map.of("type", "about:blank", "title", "Invalid input", "status", 422, "detail",
						"1 field is invalid.", "errors", List.of(Map.of("field", "urls[0]", "code", "invalid_url",
								"message", "Give an absolute http:// or https:// URL."))));
			errors.put("422", invalid);
		}
		if (method == PathItem.HttpMethod.POST && path.startsWith("/api/v1/reports")) {
			errors.put("429", error("Over the sender's rate limit; Retry-After says when to try again.",
					"Too many requests", 429, "Too many reports from this address; try again in 60 seconds."));
		}
		errors.put("500", error("Something went wrong on our side; the request may be repeated.",
				"Internal Server Error", 500, null));
		return errors;
	}

	private static boolean secured(Operation operation) {
		return operation.getSecurity() == null
				|| operation.getSecurity().stream().anyMatch((requirement) -> !requirement.isEmpty());
	}

	private static ApiResponse error(String description, String title, int status, String detail) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", title);
		example.put("status", status);
		if (detail != null) {
			example.put("detail", detail);
		}
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref(PROBLEM)).example(example)));
	}

	private static Schema<?> problem() {
		return new ObjectSchema()
			.description("An error, as RFC 9457 problem details; invalid input lists every field error.")
			.addProperty("type", new StringSchema().description("A URI of the kind of problem").example("about:blank"))
			.addProperty("title", new StringSchema().description("The kind of problem, for people"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong this time, for people"))
			.addProperty("instance", new StringSchema().description("The path of the request"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
						.description("For invalid input (422): every field error"))
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldError() {
		return new ObjectSchema().description("One thing wrong with one field of a request.")
			.addProperty("field",
					new StringSchema()
						.description(
								"Where: a JSON path such as urls[2] or reporter.email; empty for " + "the whole body")
						.example("reporter.email"))
			.addProperty("code",
					new StringSchema()
						.description("What, stable and machine-readable: required, too_long, invalid, "
								+ "invalid_url, unknown_field, ...")
						.example("required"))
			.addProperty("message", new StringSchema().description("A sentence for people"))
			.required(List.of("field", "code", "message"));
	}

}
