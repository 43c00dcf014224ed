package org.openvrm.account.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openvrm.platform.HubKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vendors' systems: the OAuth 2.0 authorization server that issues client-credentials tokens at
 * {@code /oauth2/token}, and the resource server that accepts them on {@code /api/v1/vendor/**}.
 * Each endpoint names the scope it needs; anything not listed is closed to tokens (managing API
 * clients, for one, takes a signed-in admin). Tokens are ES256 JWTs signed with the hub's key.
 */
@Configuration(proxyBeanMethods = false)
class VendorApiSecurity {

	private static final String VENDOR_API = "/api/v1/vendor/";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients).authorizationService(new StatelessAuthorizations());
			// Client secrets are 256 random bits kept as SHA-256 digests: checked with that digest alone,
			// so a wrong secret costs no slow hash and a right one is never "upgraded" to one.
			server.clientAuthentication(authentication -> authentication.authenticationProviders(providers -> providers
				.stream()
				.filter(org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider.class::isInstance)
				.map(org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider.class::cast)
				.forEach(provider -> provider.setPasswordEncoder(clientSecrets()))));
		});
		http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain vendorApi(HttpSecurity http, JwtDecoder vendorTokens, JsonMapper json) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		http.securityMatcher(VendorApiSecurity::vendorApiWithBearer);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, VENDOR_API + "relationships", VENDOR_API + "relationships/*",
					VENDOR_API + "agreements", VENDOR_API + "agreements/*/record")
			.hasAuthority("SCOPE_relationships:read")
			.requestMatchers(HttpMethod.POST, VENDOR_API + "relationships/*/agreements/*/accept",
					VENDOR_API + "relationships/*/agreements/*/decline")
			.hasAuthority("SCOPE_agreements:write")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "profile")
			.authenticated()
			.requestMatchers(HttpMethod.PUT, VENDOR_API + "profile", VENDOR_API + "profile/logo")
			.hasAuthority("SCOPE_profile:write")
			.requestMatchers(HttpMethod.PATCH, VENDOR_API + "profile")
			.hasAuthority("SCOPE_profile:write")
			.requestMatchers(VENDOR_API + "webhooks", VENDOR_API + "webhooks/*", VENDOR_API + "webhooks/*/test",
					VENDOR_API + "webhooks/*/deliveries", VENDOR_API + "webhooks/*/deliveries/*/redeliver")
			.hasAuthority("SCOPE_webhooks:write")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "events")
			.hasAuthority("SCOPE_events:read")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "relationships/*/data", VENDOR_API + "relationships/*/data/documents/*",
					VENDOR_API + "receipts", VENDOR_API + "receipts/*")
			.hasAuthority("SCOPE_data:read")
			.requestMatchers(VENDOR_API + "data-requests", VENDOR_API + "data-requests/*")
			.hasAuthority("SCOPE_data-requests:write")
			.requestMatchers(HttpMethod.POST, VENDOR_API + "relationships/*/documents", VENDOR_API + "relationships/*/transactions")
			.hasAuthority("SCOPE_documents:write")
			.requestMatchers(VENDOR_API + "subscriptions", VENDOR_API + "subscriptions/*")
			.hasAuthority("SCOPE_intents:read")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "intents", VENDOR_API + "intents/*", VENDOR_API + "intents/*/jsonld")
			.hasAuthority("SCOPE_intents:read")
			.requestMatchers(VENDOR_API + "intents/*/agreement", VENDOR_API + "intents/*/offers", VENDOR_API + "intents/*/offers/*",
					VENDOR_API + "intents/*/offers/*/withdraw", VENDOR_API + "intents/*/offers/*/messages",
					VENDOR_API + "intents/*/offers/*/attachments")
			.hasAuthority("SCOPE_offers:write")
			.requestMatchers(HttpMethod.POST, VENDOR_API + "relationships/*/messages", VENDOR_API + "interests/*/introductions")
			.hasAuthority("SCOPE_messages:write")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "relationships/*/messages")
			.hasAuthority("SCOPE_relationships:read")
			.requestMatchers(HttpMethod.GET, VENDOR_API + "interests", VENDOR_API + "introductions")
			.hasAuthority("SCOPE_intents:read")
			.requestMatchers(VENDOR_API + "ratings", VENDOR_API + "ratings/*/reply")
			.hasAuthority("SCOPE_ratings:write")
			.anyRequest()
			.denyAll());
		http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(vendorTokens))
			.authenticationEntryPoint(problems.unauthorized())
			.accessDeniedHandler(problems.forbidden()));
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// A bearer token is not sent by a browser on its own, so there is nothing for CSRF to protect.
		http.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${openvrm.base-url}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

	@Bean
	JWKSource<SecurityContext> signingKeys(HubKeys keys) {
		return keys.signingKeys();
	}

	/**
	 * Only tokens this hub issued: ES256 under one of its keys, its issuer, not expired, and naming
	 * a vendor and a client. (Other things the hub signs, such as agreement records, have neither.)
	 */
	@Bean
	JwtDecoder vendorTokens(HubKeys keys, @Value("${openvrm.base-url}") String issuer) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys.publicKeys()));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// Checked by Spring's validators below, with clear errors.
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				required("exp", "vendor_id", "client_id")));
		return decoder;
	}

	private static org.springframework.security.crypto.password.PasswordEncoder clientSecrets() {
		return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("sha256",
				java.util.Map.of("sha256", new SecurityConfiguration.RandomSecretDigest()));
	}

	private static OAuth2TokenValidator<Jwt> required(String... claims) {
		return jwt -> List.of(claims).stream().allMatch(jwt::hasClaim) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not a vendor access token", null));
	}

	private static boolean vendorApiWithBearer(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return request.getServletPath().startsWith(VENDOR_API) && authorization != null
				&& authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/**
	 * Client-credentials tokens are self-contained and short-lived, and revocation goes by client,
	 * so nothing about an issued token needs keeping (introspection and token revocation are not offered).
	 */
	static final class StatelessAuthorizations implements OAuth2AuthorizationService {

		@Override
		public void save(OAuth2Authorization authorization) {
		}

		@Override
		public void remove(OAuth2Authorization authorization) {
		}

		@Override
		public OAuth2Authorization findById(String id) {
			return null;
		}

		@Override
		public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
			return null;
		}
	}
}
