package org.openvrm.vendor.internal;

import java.util.List;

import org.openvrm.vendor.ApiClients;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Access tokens name the vendor the client acts for ({@code vendor_id}) and the client
 * ({@code client_id}), carry all the client's scopes unless the request asked for fewer,
 * and are signed ES256 with the hub's key.
 */
@Component
class VendorTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final ApiClients clients;

	VendorTokenClaims(ApiClients clients) {
		this.clients = clients;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			String clientId = context.getRegisteredClient().getClientId();
			clients.active(clientId).ifPresent(client -> {
				context.getClaims().claim("vendor_id", client.vendorId().toString()).claim("client_id", clientId);
				// A request that names no scope gets all of the client's: what its admin
				// gave it.
				if (context.getAuthorizedScopes().isEmpty()) {
					context.getClaims().claim("scope", List.copyOf(client.scopes()));
				}
			});
		}
	}

}
