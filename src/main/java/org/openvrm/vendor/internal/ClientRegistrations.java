package org.openvrm.vendor.internal;

import java.time.Duration;

import org.openvrm.vendor.ApiClients;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Vendors' API clients as the authorization server sees them: client credentials only, a
 * secret checked against its stored hash, short-lived self-contained (JWT) access tokens.
 * Clients are created in the console, never through the authorization server.
 */
@Component
class ClientRegistrations implements RegisteredClientRepository {

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

	private final ApiClients clients;

	ClientRegistrations(ApiClients clients) {
		this.clients = clients;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("API clients are created by vendor admins in the console");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return clients.active(clientId)
			.map(client -> RegisteredClient.withId(client.clientId())
				.clientId(client.clientId())
				.clientSecret(client.secretHash())
				.clientName(client.name())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(scopes -> scopes.addAll(client.scopes()))
				.tokenSettings(TokenSettings.builder()
					.accessTokenTimeToLive(TOKEN_LIFETIME)
					.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
					.build())
				.build())
			.orElse(null);
	}

}
