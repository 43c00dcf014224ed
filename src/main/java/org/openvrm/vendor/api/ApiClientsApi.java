package org.openvrm.vendor.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vendor.ApiClient;
import org.openvrm.vendor.ApiClients;
import org.openvrm.vendor.CreatedClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: API clients", description = "OAuth 2.0 client-credentials clients of the vendor's systems. "
		+ "Managed by a signed-in admin only (a token cannot create clients). Get a token with "
		+ "POST /oauth2/token (grant_type=client_credentials, HTTP Basic client id and secret, optional scope); "
		+ "tokens are ES256 JWTs valid 5 minutes.")
class ApiClientsApi {

	private final ApiClients clients;

	ApiClientsApi(ApiClients clients) {
		this.clients = clients;
	}

	record NewClient(String name, List<String> scopes) {
	}

	@GetMapping(path = "/api/v1/vendor/clients", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's API clients (without secrets)",
			description = "Newest first, revoked ones included: `clientId`, `name`, `scopes`, `createdAt`, `rotatedAt` "
					+ "(last new secret) and `revokedAt`. Any member's signed-in session; a client token cannot call it (403).")
	List<ApiClient> list(@AuthenticationPrincipal SignedInAccount me) {
		return clients.list(me.id());
	}

	@PostMapping(path = "/api/v1/vendor/clients", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a client (admins)",
			description = "The answer holds the secret, once; only its hash is kept. "
					+ "Scopes: relationships:read, agreements:write, profile:write, webhooks:write, intents:read, offers:write, "
					+ "data:read, data-requests:write, documents:write, messages:write, events:read, ratings:write. 422 names `name` or `scopes`.")
	CreatedClient create(@AuthenticationPrincipal SignedInAccount me, @RequestBody NewClient body) {
		return clients.create(me.id(), body.name(), body.scopes());
	}

	@PostMapping(path = "/api/v1/vendor/clients/{clientId}/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Give a client a new secret (admins)", description = "The old secret stops working at once.")
	CreatedClient rotate(@AuthenticationPrincipal SignedInAccount me, @PathVariable String clientId) {
		return clients.rotate(me.id(), clientId);
	}

	@DeleteMapping("/api/v1/vendor/clients/{clientId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a client (admins)",
			description = "It gets no new token, and its tokens stop working at once.")
	void revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable String clientId) {
		clients.revoke(me.id(), clientId);
	}

}
