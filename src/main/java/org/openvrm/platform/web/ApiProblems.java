package org.openvrm.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The errors of the API in its OpenAPI document, as {@link ApiExceptionHandler} and the
 * filters answer them: every one an RFC 9457 problem ({@code application/problem+json}).
 * Which an operation can give follows from its shape: a path variable can name nothing
 * (404), a parameter or body can be malformed (400) or break a rule (422), a write can
 * meet another write (409), an upload can be too large (413), and any request can meet a
 * database outage (503). Who may call it (401, 403) is added by the security module,
 * which knows.
 */
public final class ApiProblems {

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String RESPONSES = "#/components/responses/";

	private static final Map<String, Problem> PROBLEMS = problems();

	/**
	 * One documented error: the response's component name, its status and an example
	 * body.
	 */
	record Problem(String component, int status, String title, String description, String exampleDetail) {
	}

	private ApiProblems() {
	}

	static void document(OpenAPI api) {
		api.getComponents().addSchemas("Problem", problemSchema()).addSchemas("FieldError", fieldErrorSchema());
		PROBLEMS.values().forEach(problem -> api.getComponents().addResponses(problem.component(), response(problem)));
		api.getComponents()
			.addResponses("Unauthorized", response(new Problem("Unauthorized", 401, "Unauthorized",
					"No valid credentials: sign in, or send a valid bearer token.", "Sign in or send a valid token.")));
		api.getComponents()
			.addResponses("Forbidden",
					response(new Problem("Forbidden", 403, "Forbidden",
							"The credentials do not allow this: another role, or a client token without the scope.",
							"This needs the scope offers:write.")));
		api.getComponents()
			.addResponses("TooManyRequests", response(new Problem("TooManyRequests", 429, "Too Many Requests",
					"Over the rate the person or the hub allows for this; retry after the seconds in Retry-After.",
					"This customer accepts at most 4 messages from you in 30 days.")));
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			for (String code : codes(method, item, operation)) {
				addIfAbsent(operation, code, PROBLEMS.get(code).component());
			}
		}));
	}

	/**
	 * Adds a reference to a documented error unless the operation already describes that
	 * status.
	 */
	public static void addIfAbsent(Operation operation, String code, String component) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses().putIfAbsent(code, new ApiResponse().$ref(RESPONSES + component));
	}

	private static List<String> codes(HttpMethod method, PathItem item, Operation operation) {
		List<Parameter> parameters = new ArrayList<>();
		if (item.getParameters() != null) {
			parameters.addAll(item.getParameters());
		}
		if (operation.getParameters() != null) {
			parameters.addAll(operation.getParameters());
		}
		boolean pathVariable = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
		boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
		boolean body = operation.getRequestBody() != null;
		boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
		boolean upload = body && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey("multipart/form-data");
		List<String> codes = new ArrayList<>();
		if (pathVariable || query || body) {
			codes.add("400");
		}
		if (pathVariable) {
			codes.add("404");
		}
		if (write) {
			codes.add("409");
		}
		if (upload) {
			codes.add("413");
		}
		if (write || query) {
			codes.add("422");
		}
		if (codes.isEmpty()) {
			// Without parameters or a body, a read can still be refused for what the
			// client accepts.
			codes.add("406");
		}
		codes.add("503");
		return codes;
	}

	private static Map<String, Problem> problems() {
		Map<String, Problem> problems = new LinkedHashMap<>();
		problems.put("400",
				new Problem("BadRequest", 400, "Bad Request",
						"The request cannot be read: malformed JSON, a value of the wrong type, or a missing part. "
								+ "`errors` names the fields when it can.",
						"The request has invalid fields: budget is not a number"));
		problems.put("404",
				new Problem("NotFound", 404, "Not Found",
						"Nothing of that id is yours to see (another's object answers exactly as a missing one).",
						"Intent not found"));
		problems.put("406",
				new Problem("NotAcceptable", 406, "Not Acceptable",
						"None of the media types in the request's Accept header is one this operation answers with.",
						"Acceptable representations: [application/json]"));
		problems.put("409",
				new Problem("Conflict", 409, "Conflict",
						"The object is not in a state that allows this (for example an intent already closed), "
								+ "or another change to it arrived at the same time: read it again and retry.",
						"This intent is closed."));
		problems.put("413", new Problem("ContentTooLarge", 413, "Content Too Large",
				"The upload is larger than this endpoint takes.", "The file is larger than 20 MB."));
		problems.put("422",
				new Problem("UnprocessableContent", 422, "Unprocessable Content",
						"The request is well formed but breaks a rule; `errors` names the field and what is wrong.",
						"The currency must be an ISO 4217 code."));
		problems.put("503", new Problem("ServiceUnavailable", 503, "Service Unavailable",
				"The hub's database cannot be reached for now. Nothing was changed unless the body says otherwise; "
						+ "retry after the number of seconds in Retry-After.",
				"The hub's storage is unavailable for a moment. Nothing was changed; try again shortly."));
		return problems;
	}

	private static ApiResponse response(Problem problem) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", problem.title());
		example.put("status", problem.status());
		example.put("detail", problem.exampleDetail());
		example.put("instance", "/api/v1/me/intents/3f2c8a51-7d0e-4b8f-9a61-2c5d7e9b1f40");
		if (problem.status() == 400 || problem.status() == 422) {
			example.put("errors", List.of(Map.of("field", problem.status() == 400 ? "budget" : "currency", "message",
					problem.status() == 400 ? "is not a number" : "must be an ISO 4217 code")));
		}
		ApiResponse response = new ApiResponse().description(problem.description())
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
		if (problem.status() == 503 || problem.status() == 429) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
		}
		return response;
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type",
					new StringSchema().format("uri-reference").description("about:blank for the plain HTTP meaning"))
			.addProperty("title", new StringSchema().description("The status's short name"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong, for a person to read"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
				.description("The fields at fault, when the problem is about fields"));
	}

	private static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().addProperty("field", new StringSchema().description("The field's name or JSON path"))
			.addProperty("message", new StringSchema().description("What is wrong with it"))
			.required(List.of("field", "message"));
	}

}
