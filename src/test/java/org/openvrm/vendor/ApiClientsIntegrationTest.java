package org.openvrm.vendor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendors' systems with OAuth 2.0 client credentials: tokens, scopes, revocation, and one
 * vendor's limits.
 */
@HubTest
class ApiClientsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JWKSource<SecurityContext> hubSigningKeys;

	@Value("${openvrm.base-url}")
	String issuer;

	record Client(String id, String secret) {
	}

	Client client(HubClient admin, String... scopes) {
		HubClient.Response created = admin.sendJson("POST", "/api/v1/vendor/clients",
				JSON.writeValueAsString(Map.of("name", "booking system", "scopes", List.of(scopes))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		return new Client(body.get("client").get("clientId").asString(), body.get("secret").asString());
	}

	HttpResponse<String> tokenRequest(Client client, String scope) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		String form = "grant_type=client_credentials"
				+ (scope == null ? "" : "&scope=" + scope.replace(" ", "+").replace(":", "%3A"));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String token(Client client) throws Exception {
		HttpResponse<String> response = tokenRequest(client, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	HttpResponse<String> call(String method, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String vendorId(HubClient admin) {
		return JSON.readTree(admin.get("/api/v1/vendor/profile").body()).get("id").asString();
	}

	@Test
	void aClientGetsAShortLivedTokenAndReadsItsVendorsCustomers() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		Client client = client(admin, "relationships:read", "agreements:write");
		HubClient person = Hub.person(port);
		String ref = JSON
			.readTree(person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId(admin) + "\"}")
				.body())
			.get("customerRef")
			.asString();

		HttpResponse<String> issued = tokenRequest(client, null);
		JsonNode token = JSON.readTree(issued.body());
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("expires_in").asInt()).isBetween(1, 300);
		String payload = new String(
				Base64.getUrlDecoder().decode(token.get("access_token").asString().split("\\.")[1]));
		assertThat(payload).contains("\"vendor_id\":\"" + vendorId(admin) + "\"").contains("relationships:read");

		HttpResponse<String> customers = call("GET", "/api/v1/vendor/relationships",
				token.get("access_token").asString());
		assertThat(customers.statusCode()).isEqualTo(200);
		assertThat(customers.body()).contains(ref);
		HttpResponse<String> accepted = call("POST",
				"/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept",
				token.get("access_token").asString());
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("\"decidedBy\":\"client:" + client.id() + "\"");

		assertThat(admin.get("/api/v1/vendor/clients").body()).contains(client.id()).doesNotContain(client.secret());
		assertThat(RawStorage.whereFound(jdbc, client.secret())).as("only a hash of the secret is kept").isEmpty();
	}

	@Test
	void aTokenDoesOnlyWhatItsScopesAllowAndNeverManagesClients() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		String token = token(client(admin, "relationships:read"));

		assertThat(call("GET", "/api/v1/vendor/agreements", token).statusCode()).isEqualTo(200);
		HttpResponse<String> accept = call("POST", "/api/v1/vendor/relationships/cus_x/agreements/SD-BASE/accept",
				token);
		assertThat(accept.statusCode()).isEqualTo(403);
		assertThat(accept.body()).contains("\"status\":403");
		assertThat(call("PUT", "/api/v1/vendor/profile", token).statusCode()).isEqualTo(403);
		assertThat(call("PATCH", "/api/v1/vendor/profile", token).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/vendor/clients", token).statusCode()).isEqualTo(403);
		assertThat(call("POST", "/api/v1/vendor/clients", token).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/me/relationships", token).statusCode()).as("not a person's token")
			.isEqualTo(401);

		HttpResponse<String> wider = tokenRequest(client(admin, "relationships:read"), "profile:write");
		assertThat(wider.statusCode()).as("a client cannot ask for scopes it was not given").isEqualTo(400);
		assertThat(wider.body()).contains("invalid_scope");
	}

	@Test
	void forgedExpiredAndOtherTokensAreRefused() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		Client client = client(admin, "relationships:read");
		String vendorId = vendorId(admin);

		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(),
				new JWTClaimsSet.Builder().issuer(issuer)
					.subject(client.id())
					.claim("client_id", client.id())
					.claim("vendor_id", vendorId)
					.claim("scope", List.of("relationships:read"))
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.build());
		forged.sign(new ECDSASigner(stranger));
		assertThat(call("GET", "/api/v1/vendor/relationships", forged.serialize()).statusCode()).isEqualTo(401);

		JwtEncoder hub = new NimbusJwtEncoder(hubSigningKeys);
		String expired = hub.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(),
				JwtClaimsSet.builder()
					.issuer(issuer)
					.subject(client.id())
					.claim("client_id", client.id())
					.claim("vendor_id", vendorId)
					.claim("scope", List.of("relationships:read"))
					.issuedAt(Instant.now().minusSeconds(900))
					.expiresAt(Instant.now().minusSeconds(600))
					.build()))
			.getTokenValue();
		HttpResponse<String> late = call("GET", "/api/v1/vendor/relationships", expired);
		assertThat(late.statusCode()).isEqualTo(401);
		assertThat(late.body()).contains("\"status\":401");

		String otherVendor = hub.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(),
				JwtClaimsSet.builder()
					.issuer(issuer)
					.subject(client.id())
					.claim("client_id", client.id())
					.claim("vendor_id", vendorId(Hub.vendorAdmin(port)))
					.claim("scope", List.of("relationships:read"))
					.expiresAt(Instant.now().plusSeconds(300))
					.build()))
			.getTokenValue();
		assertThat(call("GET", "/api/v1/vendor/relationships", otherVendor).statusCode())
			.as("a token naming another vendor than its client's")
			.isEqualTo(401);

		HubClient person = Hub.person(port);
		String ref = JSON
			.readTree(person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId + "\"}").body())
			.get("customerRef")
			.asString();
		String agreementRecord = JSON
			.readTree(admin.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null)
				.body())
			.get("signedRecord")
			.asString();
		assertThat(call("GET", "/api/v1/vendor/relationships", agreementRecord).statusCode())
			.as("something else the hub signed is no token")
			.isEqualTo(401);
		assertThat(call("GET", "/api/v1/vendor/relationships", "ovrm_pat_not-a-jwt").statusCode()).isEqualTo(401);
		assertThat(new HubClient(port).get("/.well-known/jwks.json").body()).as("no private part published")
			.doesNotContain("\"d\"");
		assertThat(tokenRequest(new Client(client.id(), "ovcs_wrong"), null).statusCode()).isEqualTo(401);
	}

	@Test
	void revokingAndRotatingTakeEffectAtOnce() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		Client client = client(admin, "relationships:read");
		String token = token(client);

		JsonNode rotated = JSON
			.readTree(admin.sendJson("POST", "/api/v1/vendor/clients/" + client.id() + "/rotate", null).body());
		Client renewed = new Client(client.id(), rotated.get("secret").asString());
		assertThat(tokenRequest(client, null).statusCode()).as("the old secret").isEqualTo(401);
		String fresh = token(renewed);

		assertThat(admin.sendJson("DELETE", "/api/v1/vendor/clients/" + client.id(), null).status()).isEqualTo(204);
		assertThat(call("GET", "/api/v1/vendor/relationships", token).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/api/v1/vendor/relationships", fresh).statusCode()).isEqualTo(401);
		assertThat(tokenRequest(renewed, null).statusCode()).isEqualTo(401);
	}

	@Test
	void vendorXsClientCannotTouchVendorYsCustomersOrClients() throws Exception {
		HubClient x = Hub.vendorAdmin(port);
		HubClient y = Hub.vendorAdmin(port);
		Client ysClient = client(y, "relationships:read");
		String xToken = token(client(x, "relationships:read", "agreements:write"));
		HubClient person = Hub.person(port);
		String refAtY = JSON
			.readTree(person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId(y) + "\"}")
				.body())
			.get("customerRef")
			.asString();

		assertThat(call("GET", "/api/v1/vendor/relationships", xToken).body()).doesNotContain(refAtY);
		assertThat(call("GET", "/api/v1/vendor/relationships/" + refAtY, xToken).statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/v1/vendor/relationships/" + refAtY + "/agreements/SD-BASE/accept", xToken)
			.statusCode()).isEqualTo(404);
		assertThat(x.sendJson("DELETE", "/api/v1/vendor/clients/" + ysClient.id(), null).status()).isEqualTo(404);
		assertThat(x.sendJson("POST", "/api/v1/vendor/clients/" + ysClient.id() + "/rotate", null).status())
			.isEqualTo(404);
		assertThat(token(ysClient)).isNotBlank();
	}

	@Test
	void badClientsAreRefusedNamingTheField() {
		HubClient admin = Hub.vendorAdmin(port);

		assertThat(
				admin.sendJson("POST", "/api/v1/vendor/clients", "{\"name\":\"\",\"scopes\":[\"relationships:read\"]}")
					.body())
			.contains("\"field\":\"name\"");
		assertThat(
				admin.sendJson("POST", "/api/v1/vendor/clients", "{\"name\":\"x\",\"scopes\":[\"everything\"]}").body())
			.contains("\"field\":\"scopes\"");
		assertThat(admin.sendJson("POST", "/api/v1/vendor/clients", "{\"name\":\"x\",\"scopes\":[]}").status())
			.isEqualTo(422);
		assertThat(admin.sendJson("POST", "/api/v1/vendor/clients", "{\"name\":\"x\",\"scopes\":[null]}").status())
			.isEqualTo(422);
		assertThat(admin.get("/api/v1/vendor/clients").body()).isEqualTo("[]");
	}

}
