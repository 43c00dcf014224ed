package org.openvrm.account.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.openvrm.account.internal.VendorApiSecurity.ScopeRule;
import org.openvrm.platform.web.ApiProblems;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call each operation, in the OpenAPI document, read from the same lists the
 * security filter chains are built from ({@link SecurityConfiguration#PUBLIC_PAGES},
 * {@link VendorApiSecurity#SCOPE_RULES}): public operations say so with an empty
 * requirement, people's take a personal access token or the session, vendors' an OAuth
 * 2.0 client-credentials token with the scope the endpoint needs, or a member's session.
 * The token endpoint itself is served by Spring Authorization Server, outside Spring MVC,
 * so it is described here by hand.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDocumentation {

	static final String TOKEN_PATH = "/oauth2/token";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Bean
	@Order(20)
	OpenApiCustomizer securityDocumentation() {
		return ApiSecurityDocumentation::document;
	}

	static void document(OpenAPI api) {
		api.getComponents()
			.addSecuritySchemes("personalAccessToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A person's ovrm_pat_… token, created at POST /api/v1/me/tokens"))
			.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.COOKIE)
				.name("OPENVRM_SESSION")
				.description(
						"The browser's session after signing in; unsafe methods also need the X-CSRF-TOKEN header"))
			.addSecuritySchemes("vendorClient",
					new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("A vendor's API client: OAuth 2.0 client credentials, a short-lived ES256 JWT")
						.flows(new OAuthFlows()
							.clientCredentials(new OAuthFlow().tokenUrl(TOKEN_PATH).scopes(scopes()))))
			.addSecuritySchemes("clientSecret",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("An API client's id (ovc_…) and secret (ovcs_…), at the token endpoint only"));
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			// An operation that declares its own (TokensApi's create: no token) keeps it.
			List<SecurityRequirement> who = operation.getSecurity() != null ? operation.getSecurity()
					: requirements(path, HttpMethod.valueOf(method.name()));
			operation.setSecurity(who);
			if (!who.isEmpty()) {
				ApiProblems.addIfAbsent(operation, "401", "Unauthorized");
				ApiProblems.addIfAbsent(operation, "403", "Forbidden");
			}
		}));
		api.getPaths().addPathItem(TOKEN_PATH, new PathItem().post(tokenOperation(api)));
	}

	/**
	 * Every way in to the operation, each one enough on its own; empty for a public
	 * operation.
	 */
	static List<SecurityRequirement> requirements(String pathTemplate, HttpMethod method) {
		String path = pathTemplate.replaceAll("\\{[^}]+}", "x");
		if (Arrays.stream(SecurityConfiguration.PUBLIC_PAGES).anyMatch(pattern -> PATHS.match(pattern, path))) {
			return List.of();
		}
		SecurityRequirement session = new SecurityRequirement().addList("session");
		if (path.startsWith(VendorApiSecurity.VENDOR_API)) {
			return scope(path, method).map(scope -> List.of(vendorClient(scope), session)).orElse(List.of(session));
		}
		if (path.startsWith("/api/v1/me") || path.startsWith("/api/v1/ratings/")) {
			return List.of(new SecurityRequirement().addList("personalAccessToken"), session);
		}
		return List.of(session);
	}

	/**
	 * The scope a client token needs here ("" for any client), or empty when tokens
	 * cannot call it.
	 */
	private static Optional<String> scope(String path, HttpMethod method) {
		for (ScopeRule rule : VendorApiSecurity.SCOPE_RULES) {
			boolean methodMatches = rule.method() == null || rule.method().equals(method);
			if (methodMatches && Arrays.stream(rule.patterns()).anyMatch(pattern -> PATHS.match(pattern, path))) {
				return Optional.of(rule.scope() == null ? "" : rule.scope());
			}
		}
		return Optional.empty();
	}

	private static SecurityRequirement vendorClient(String scope) {
		return new SecurityRequirement().addList("vendorClient", scope.isEmpty() ? List.of() : List.of(scope));
	}

	/**
	 * Every scope some endpoint needs (the vendor module's list of client scopes is the
	 * same, as a test checks).
	 */
	private static Scopes scopes() {
		Scopes scopes = new Scopes();
		VendorApiSecurity.SCOPE_RULES.stream()
			.map(ScopeRule::scope)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(scope -> scopes.addString(scope, meaning(scope)));
		return scopes;
	}

	private static String meaning(String scope) {
		return switch (scope) {
			case "relationships:read" -> "Read customers, their agreements and messages";
			case "agreements:write" -> "Accept or decline agreements customers proffer";
			case "profile:write" -> "Change the vendor's profile and logo";
			case "webhooks:write" -> "Manage webhook endpoints and their deliveries";
			case "intents:read" -> "Subscribe to intents and read the matched ones, interests and introductions";
			case "offers:write" -> "Accept intents' terms, make, change and withdraw offers, answer questions";
			case "data:read" -> "Read the data customers share, and consent receipts";
			case "data-requests:write" -> "Ask customers for data";
			case "documents:write" -> "Push documents, e-invoices and transactions to customers";
			case "messages:write" -> "Write to customers and introduce the vendor to interests";
			case "events:read" -> "Read the event feed";
			case "ratings:write" -> "Read ratings and reply to them";
			default -> throw new IllegalStateException("a scope without a meaning in the API document: " + scope);
		};
	}

	private static Operation tokenOperation(OpenAPI api) {
		Schema<?> form = new ObjectSchema()
			.addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")))
			.addProperty("scope",
					new StringSchema().description("Space-separated scopes; omit for all the client's scopes")
						.example("intents:read offers:write"))
			.required(List.of("grant_type"));
		Schema<?> token = new ObjectSchema().description("An OAuth 2.0 access token response (RFC 6749 §5.1)")
			.addProperty("access_token", new StringSchema().description("An ES256 JWT"))
			.addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
			.addProperty("expires_in", new IntegerSchema().description("Seconds until it expires"))
			.addProperty("scope", new StringSchema())
			.required(List.of("access_token", "token_type", "expires_in"));
		Schema<?> error = new ObjectSchema().description("An OAuth 2.0 error response (RFC 6749 §5.2)")
			.addProperty("error", new StringSchema().example("invalid_client"))
			.addProperty("error_description", new StringSchema())
			.required(List.of("error"));
		api.getComponents().addSchemas("AccessToken", token).addSchemas("OAuthError", error);
		Schema<?> tokenRef = new Schema<>().$ref("#/components/schemas/AccessToken");
		Schema<?> errorRef = new Schema<>().$ref("#/components/schemas/OAuthError");
		return new Operation().operationId("issueToken")
			.tags(List.of("Vendor: API clients"))
			.summary("A client-credentials access token")
			.description("RFC 6749 §4.4: the client authenticates with HTTP Basic (client id and secret) and gets a "
					+ "short-lived bearer token for /api/v1/vendor/…, carrying the scopes asked for (all of the client's when "
					+ "`scope` is omitted). Errors are OAuth 2.0 error responses (RFC 6749 §5.2), not problem details.")
			.security(List.of(new SecurityRequirement().addList("clientSecret")))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form)
					.example(Map.of("grant_type", "client_credentials", "scope", "intents:read offers:write")))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("The token")
					.content(new Content().addMediaType("application/json", new MediaType().schema(tokenRef)
						.example(Map.of("access_token", "eyJraWQiOiJodWIta2V5LTEiLCJhbGciOiJFUzI1NiJ9.e30.c2ln",
								"token_type", "Bearer", "expires_in", 299, "scope", "intents:read offers:write")))))
				.addApiResponse("400",
						new ApiResponse().description("invalid_request, unsupported_grant_type or invalid_scope")
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(errorRef).example(Map.of("error", "invalid_scope")))))
				.addApiResponse("401",
						new ApiResponse().description("invalid_client: an unknown, revoked or wrong client")
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(errorRef).example(Map.of("error", "invalid_client"))))));
	}

}
