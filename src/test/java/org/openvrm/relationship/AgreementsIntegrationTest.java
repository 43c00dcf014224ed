package org.openvrm.relationship;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.terms.Roster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class AgreementsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Roster roster;

	record Vendor(HubClient client, String id) {
	}

	Vendor vendor() {
		HubClient client = Hub.vendorAdmin(port);
		return new Vendor(client, JSON.readTree(client.get("/api/v1/vendor/profile").body()).get("id").asString());
	}

	static JsonNode relationship(HubClient person, Vendor vendor) {
		return JSON.readTree(
				person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendor.id() + "\"}").body());
	}

	static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	@Test
	void aVendorAcceptsProfferedTermsAndTheSignedRecordVerifiesWithThePublishedKey() throws Exception {
		HubClient ann = Hub.person(port);
		Vendor vendor = vendor();
		String ref = relationship(ann, vendor).get("customerRef").asString();

		JsonNode waiting = json(vendor.client().get("/api/v1/vendor/agreements?state=PROFFERED"), 200);
		assertThat(waiting.findValuesAsString("agreementId")).containsExactlyInAnyOrder("SD-BASE", "PDC-AI",
				"NO-STALKING");

		JsonNode accepted = json(vendor.client()
			.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null), 200);
		String jws = accepted.get("signedRecord").asString();

		JsonNode verified = json(
				new HubClient(port).sendJson("POST", "/api/v1/agreements/verify", "{\"record\":\"" + jws + "\"}"), 200);
		assertThat(verified.get("valid").asBoolean()).isTrue();
		JsonNode claims = verified.get("claims");
		assertThat(claims.get("agreement").get("id").asString()).isEqualTo("SD-BASE");
		assertThat(claims.get("agreement").get("digest").asString()).isEqualTo(roster.require("SD-BASE").digest());
		assertThat(claims.get("customerRef").asString()).isEqualTo(ref);
		assertThat(claims.get("vendor").get("id").asString()).isEqualTo(vendor.id());
		assertThat(claims.get("acceptedBy").get("type").asString()).isEqualTo("member");
		assertThat(claims.get("profferedBy").get("ref").asString()).isEqualTo(ref);

		// Independently of the hub's own verify endpoint: the published JWK set checks
		// the signature.
		JWKSet published = JWKSet.parse(new HubClient(port).get("/.well-known/jwks.json").body());
		JWSObject parsed = JWSObject.parse(jws);
		assertThat(published.getKeyByKeyId(parsed.getHeader().getKeyID()).isPrivate()).isFalse();
		assertThat(parsed.verify(new ECDSAVerifier(published.getKeyByKeyId(parsed.getHeader().getKeyID()).toECKey())))
			.isTrue();

		String[] parts = jws.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("SD-BASE", "SD-BASE-DP");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertThat(json(
				new HubClient(port).sendJson("POST", "/api/v1/agreements/verify", "{\"record\":\"" + forged + "\"}"),
				200)
			.get("valid")
			.asBoolean()).isFalse();
		assertThat(json(new HubClient(port).sendJson("POST", "/api/v1/agreements/verify", "{\"record\":\"not a jws\"}"),
				200)
			.get("valid")
			.asBoolean()).isFalse();

		// Anyone can verify, without a session or CSRF token (e.g. the vendor's lawyer
		// with curl).
		HttpResponse<String> plain = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agreements/verify"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"record\":\"" + jws + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.body()).contains("\"valid\":true");

		String recordId = accepted.get("id").asString();
		assertThat(ann.get("/api/v1/me/agreements/" + recordId + "/record").body()).isEqualTo(jws);
		assertThat(vendor.client().get("/api/v1/vendor/agreements/" + recordId + "/record").body()).isEqualTo(jws);
		assertThat(vendor.client().get("/api/v1/vendor/relationships/" + ref).body())
			.contains("\"accepted\":[\"SD-BASE\"]");
	}

	@Test
	void decliningLeavesTheVendorNothingButTheReference() {
		HubClient bea = Hub.person(port);
		Vendor vendor = vendor();
		String ref = relationship(bea, vendor).get("customerRef").asString();

		JsonNode declined = json(
				vendor.client()
					.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/NO-STALKING/decline", null),
				200);

		assertThat(declined.get("state").asString()).isEqualTo("DECLINED");
		assertThat(declined.get("signedRecord").isNull()).isTrue();
		JsonNode customer = JSON.readTree(vendor.client().get("/api/v1/vendor/relationships/" + ref).body());
		assertThat(customer.get("accepted")).isEmpty();
		assertThat(customer.properties().stream().map(Map.Entry::getKey).toList())
			.containsExactlyInAnyOrder("customerRef", "since", "proffered", "accepted");
		assertThat(vendor.client()
			.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/NO-STALKING/accept", null)
			.status()).as("decided once").isEqualTo(404);
		String relationshipId = JSON.readTree(bea.get("/api/v1/me/relationships").body()).get(0).get("id").asString();
		assertThat(bea.get("/me/vendors/" + relationshipId).body()).contains("The vendor declined NO-STALKING");

		bea.sendJson("PATCH", "/api/v1/me/relationships/" + relationshipId, "{\"status\":\"FAVOURITE\"}");
		assertThat(JSON.readTree(vendor.client().get("/api/v1/vendor/agreements?state=PROFFERED").body())
			.findValuesAsString("agreementId")).as("a declined agreement is not asked again on a change of status")
			.doesNotContain("NO-STALKING");
	}

	@Test
	void aVendorAcceptsFromAnyoneWhatItsProfileSaysButABlockedVendorIsProfferedNothing() {
		Vendor open = vendor();
		String name = JSON.readTree(open.client().get("/api/v1/vendor/profile").body()).get("name").asString();
		open.client()
			.sendJson("PUT", "/api/v1/vendor/profile",
					"{\"name\":\"" + name + "\",\"acceptedTerms\":[\"SD-BASE\",\"PDC-AI\"]}");
		HubClient cas = Hub.person(port);

		String ref = relationship(cas, open).get("customerRef").asString();

		JsonNode accepted = json(open.client().get("/api/v1/vendor/agreements?state=ACCEPTED"), 200);
		assertThat(accepted.findValuesAsString("agreementId")).containsExactlyInAnyOrder("SD-BASE", "PDC-AI");
		assertThat(accepted.findValuesAsString("decidedBy")).allMatch(by -> by.startsWith("profile:"));
		assertThat(accepted.findValuesAsString("customerRef")).containsOnly(ref);

		Vendor blockedFirst = vendor();
		cas.sendJson("POST", "/api/v1/me/relationships",
				"{\"vendorId\":\"" + blockedFirst.id() + "\",\"status\":\"BLOCKED\"}");
		assertThat(json(blockedFirst.client().get("/api/v1/vendor/agreements"), 200)).isEmpty();
	}

	@Test
	void aBlockedOrEndedRelationshipCannotBeAgreedToAndEndingEndsTheAgreements() {
		HubClient dirk = Hub.person(port);
		Vendor vendor = vendor();
		JsonNode relationship = relationship(dirk, vendor);
		String ref = relationship.get("customerRef").asString();
		String id = relationship.get("id").asString();
		String recordId = json(vendor.client()
			.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/PDC-AI/accept", null), 200).get("id")
			.asString();

		dirk.sendJson("PATCH", "/api/v1/me/relationships/" + id, "{\"status\":\"BLOCKED\"}");
		assertThat(vendor.client()
			.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null)
			.status()).isEqualTo(404);
		assertThat(vendor.client().get("/api/v1/vendor/agreements/" + recordId + "/record").status())
			.as("blocked: not even its records")
			.isEqualTo(404);
		assertThat(json(vendor.client().get("/api/v1/vendor/agreements"), 200)).as("blocked: nothing shows").isEmpty();

		dirk.sendJson("PATCH", "/api/v1/me/relationships/" + id, "{\"status\":\"NEUTRAL\",\"terms\":[\"SD-BASE-DP\"]}");
		List<String> states = json(dirk.get("/api/v1/me/relationships/" + id + "/agreements"), 200)
			.findValuesAsString("state");
		assertThat(states).contains("PROFFERED", "ENDED", "WITHDRAWN");

		dirk.sendJson("POST", "/api/v1/me/relationships/" + id + "/end", null);
		assertThat(json(dirk.get("/api/v1/me/relationships/" + id + "/agreements"), 200).findValuesAsString("state"))
			.doesNotContain("PROFFERED", "ACCEPTED");
		assertThat(vendor.client().get("/api/v1/vendor/agreements/" + recordId + "/record").status())
			.as("the record stays provable after the end")
			.isEqualTo(200);
	}

	@Test
	void oneSideCannotReachTheOthersRecords() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		Vendor x = vendor();
		Vendor y = vendor();
		String annWithY = relationship(ann, y).get("customerRef").asString();
		String recordId = json(
				y.client()
					.sendJson("POST", "/api/v1/vendor/relationships/" + annWithY + "/agreements/SD-BASE/accept", null),
				200)
			.get("id")
			.asString();

		assertThat(bob.get("/api/v1/me/agreements/" + recordId + "/record").status()).isEqualTo(404);
		assertThat(x.client().get("/api/v1/vendor/agreements/" + recordId + "/record").status()).isEqualTo(404);
		assertThat(x.client()
			.sendJson("POST", "/api/v1/vendor/relationships/" + annWithY + "/agreements/PDC-AI/accept", null)
			.status()).isEqualTo(404);
		String annsRelationship = JSON.readTree(ann.get("/api/v1/me/relationships").body()).get(0).get("id").asString();
		assertThat(bob.get("/api/v1/me/relationships/" + annsRelationship + "/agreements").status()).isEqualTo(404);
	}

}
