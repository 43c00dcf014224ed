package org.openvrm.account.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openvrm.platform.HubKeys;
import org.openvrm.platform.PlatformProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vendors' systems: the OAuth 2.0 authorization server that issues client-credentials
 * tokens at {@code /oauth2/token}, and the resource server that accepts them on
 * {@code /api/v1/vendor/**}. Each endpoint names the scope it needs; anything not listed
 * is closed to tokens (managing API clients, for one, takes a signed-in admin). Tokens
 * are ES256 JWTs signed with the hub's key.
 */
@Configuration(proxyBeanMethods = false)
class VendorApiSecurity {

	static final String VENDOR_API = "/api/v1/vendor/";

	/**
	 * The scope a client token needs for each vendor endpoint, first match wins (null:
	 * any client); an endpoint matching none is closed to tokens. The OpenAPI document
	 * reads the same list.
	 */
	static final List<ScopeRule> SCOPE_RULES = List.of(
			rule(HttpMethod.GET, "relationships:read", "relationships", "relationships/*", "agreements",
					"agreements/*/record"),
			rule(HttpMethod.POST, "agreements:write", "relationships/*/agreements/*/accept",
					"relationships/*/agreements/*/decline"),
			rule(HttpMethod.GET, null, "profile"), rule(HttpMethod.PUT, "profile:write", "profile", "profile/logo"),
			rule(HttpMethod.PATCH, "profile:write", "profile"), rule(null, "webhooks:write", "webhooks", "webhooks/*",
					"webhooks/*/test", "webhooks/*/deliveries", "webhooks/*/deliveries/*/redeliver"),
			rule(HttpMethod.GET, "events:read", "events"),
			rule(HttpMethod.GET, "data:read", "relationships/*/data", "relationships/*/data/documents/*", "receipts",
					"receipts/*", "orders/*"),
			rule(null, "data-requests:write", "data-requests", "data-requests/*"),
			rule(HttpMethod.POST, "documents:write", "relationships/*/documents", "relationships/*/transactions"),
			rule(null, "intents:read", "subscriptions", "subscriptions/*"),
			rule(HttpMethod.GET, "intents:read", "intents", "intents/*", "intents/*/jsonld"),
			rule(null, "offers:write", "intents/*/agreement", "intents/*/offers", "intents/*/offers/*",
					"intents/*/offers/*/withdraw", "intents/*/offers/*/messages", "intents/*/offers/*/attachments"),
			rule(HttpMethod.POST, "messages:write", "relationships/*/messages", "interests/*/introductions"),
			rule(HttpMethod.GET, "relationships:read", "relationships/*/messages"),
			rule(HttpMethod.GET, "intents:read", "interests", "introductions"),
			rule(null, "ratings:write", "ratings", "ratings/*/reply"));

	/**
	 * Requests of {@code method} (any when null) to one of {@code patterns} need
	 * {@code scope}.
	 */
	record ScopeRule(HttpMethod method, String scope, String... patterns) {
	}

	private static ScopeRule rule(HttpMethod method, String scope, String... paths) {
		return new ScopeRule(method, scope, Arrays.stream(paths).map(path -> VENDOR_API + path).toArray(String[]::new));
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients).authorizationService(new StatelessAuthorizations());
			// Client secrets are 256 random bits kept as SHA-256 digests: checked with
			// that digest alone,
			// so a wrong secret costs no slow hash and a right one is never "upgraded" to
			// one.
			server.clientAuthentication(
					authentication -> authentication.authenticationProviders(providers -> providers.stream()
						.filter(ClientSecretAuthenticationProvider.class::isInstance)
						.map(ClientSecretAuthenticationProvider.class::cast)
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
		http.authorizeHttpRequests(requests -> {
			for (ScopeRule rule : SCOPE_RULES) {
				var matched = rule.method() == null ? requests.requestMatchers(rule.patterns())
						: requests.requestMatchers(rule.method(), rule.patterns());
				if (rule.scope() == null) {
					matched.authenticated();
				}
				else {
					matched.hasAuthority("SCOPE_" + rule.scope());
				}
			}
			requests.anyRequest().denyAll();
		});
		http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(vendorTokens))
			.authenticationEntryPoint(problems.unauthorized())
			.accessDeniedHandler(problems.forbidden()));
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// A bearer token is not sent by a browser on its own, so there is nothing for
		// CSRF to protect.
		http.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(PlatformProperties platform) {
		return AuthorizationServerSettings.builder().issuer(platform.baseUrl()).build();
	}

	@Bean
	JWKSource<SecurityContext> signingKeys(HubKeys keys) {
		return keys.signingKeys();
	}

	/**
	 * Only tokens this hub issued: ES256 under one of its keys, its issuer, not expired,
	 * and naming a vendor and a client. (Other things the hub signs, such as agreement
	 * records, have neither.)
	 */
	@Bean
	JwtDecoder vendorTokens(HubKeys keys, PlatformProperties platform) {
		String issuer = platform.baseUrl();
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

	private static PasswordEncoder clientSecrets() {
		return new DelegatingPasswordEncoder("sha256",
				Map.of("sha256", new SecurityConfiguration.RandomSecretDigest()));
	}

	private static OAuth2TokenValidator<Jwt> required(String... claims) {
		return jwt -> List.of(claims).stream().allMatch(jwt::hasClaim) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "not a vendor access token", null));
	}

	private static boolean vendorApiWithBearer(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return request.getServletPath().startsWith(VENDOR_API) && authorization != null
				&& authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/**
	 * Client-credentials tokens are self-contained and short-lived, and revocation goes
	 * by client, so nothing about an issued token needs keeping (introspection and token
	 * revocation are not offered).
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
