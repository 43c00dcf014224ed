package org.openvrm.consent;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.platform.HubKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrm.consent.SharingFixture.JSON;
import static org.openvrm.consent.SharingFixture.json;

@HubTest
class GrantsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShareCipher cipher;

	@Autowired
	HubKeys hubKeys;

	@Test
	void aVendorReadsExactlyTheGrantedFieldsAndNothingAfterRevocation() {
		SharingFixture ann = new SharingFixture(port);
		String token = ann.token("data:read");
		assertThat(ann.read(token).statusCode()).as("nothing shared yet").isEqualTo(403);

		JsonNode grant = ann.grant(List.of("email.address", "postal-address.city"), "billing");
		assertThat(grant.get("state").asString()).isEqualTo("ACTIVE");

		JsonNode data = json(ann.read(token), 200);
		assertThat(data.get("customerRef").asString()).isEqualTo(ann.ref);
		JsonNode fields = data.get("grants").get(0).get("fields");
		assertThat(fields.properties().stream().map(Map.Entry::getKey).toList())
			.containsExactlyInAnyOrder("email.address", "postal-address.city");
		assertThat(fields.get("email.address").asString()).isEqualTo(ann.email);
		assertThat(fields.get("postal-address.city").asString()).isEqualTo("Brussels");
		assertThat(data.toString()).doesNotContain("Rue Haute").doesNotContain("+32 470").doesNotContain("home");
		assertThat(data.get("grants").get(0).get("purposeCategory").asString()).isEqualTo("dpv:PaymentManagement");

		// The read is in the access log: which vendor, which client, which fields.
		JsonNode log = json(ann.person.get("/api/v1/me/access-log"), 200);
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("vendorName").asString()).isEqualTo(ann.vendorName);
		assertThat(log.get(0).get("actor").asString()).startsWith("client:ovc_");
		assertThat(log.get(0).get("items").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder("email.address", "postal-address.city");

		// Editing a shared field updates the share at once.
		String newEmail = Hub.uniqueEmail("changed");
		json(ann.person.sendJson("PUT", "/api/v1/me/records/" + ann.emailRecord,
				"{\"fields\":{\"address\":\"" + newEmail + "\",\"label\":\"home\"}}"), 200);
		assertThat(json(ann.read(token), 200).get("grants").get(0).get("fields").get("email.address").asString())
			.isEqualTo(newEmail);

		// Only the end date changes: what is shared stays.
		JsonNode extended = json(ann.person.sendJson("PUT", "/api/v1/me/grants/" + grant.get("id").asString(),
				"{\"until\":\"2099-01-01\"}"), 200);
		assertThat(extended.get("fields").valueStream().map(JsonNode::asString).toList())
			.containsExactly("email.address", "postal-address.city");
		assertThat(extended.get("validUntil").asString()).startsWith("2099-01-02");

		json(ann.person.sendJson("POST", "/api/v1/me/grants/" + grant.get("id").asString() + "/revoke", null), 200);
		HttpResponse<String> afterRevoke = ann.read(token);
		assertThat(afterRevoke.statusCode()).isEqualTo(410);
		assertThat(afterRevoke.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(afterRevoke.body()).doesNotContain(newEmail).doesNotContain("Brussels");
		assertThat(json(ann.person.get("/api/v1/me/grants/" + grant.get("id").asString()), 200).get("state").asString())
			.isEqualTo("REVOKED");

		// The vendor is told, in its feed (and by webhook, see
		// WebhookRelayIntegrationTest).
		JsonNode events = json(ann.vendor.get("/api/v1/vendor/events"), 200);
		assertThat(events.findValuesAsString("type")).containsSubsequence("grant.created", "grant.revoked");
		assertThat(events.toString()).contains(ann.ref).doesNotContain(newEmail);
	}

	@Test
	void noVendorReadsAnotherPersonsOrAnotherVendorsCustomerAndNoPersonTouchesAnothersGrant() {
		SharingFixture ann = new SharingFixture(port);
		SharingFixture bea = new SharingFixture(port);
		JsonNode annGrant = ann.grant(List.of("email.address"), "service-provision");
		bea.grant(List.of("phone.number"), "customer-care");

		String beaVendorToken = bea.token("data:read");
		assertThat(bea.withToken(beaVendorToken, "GET", "/api/v1/vendor/relationships/" + ann.ref + "/data", null, null)
			.statusCode()).as("another vendor's customer").isEqualTo(404);
		assertThat(ann.vendor.get("/api/v1/vendor/relationships/" + bea.ref + "/data").status()).isEqualTo(404);
		assertThat(json(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data"), 200).toString())
			.contains(ann.email)
			.doesNotContain(bea.email)
			.doesNotContain("+32 470");

		String grantId = annGrant.get("id").asString();
		assertThat(bea.person.get("/api/v1/me/grants/" + grantId).status()).isEqualTo(404);
		assertThat(bea.person.sendJson("POST", "/api/v1/me/grants/" + grantId + "/revoke", null).status())
			.isEqualTo(404);
		assertThat(
				bea.person.sendJson("PUT", "/api/v1/me/grants/" + grantId, "{\"fields\":[\"email.address\"]}").status())
			.isEqualTo(404);
		assertThat(json(bea.person.get("/api/v1/me/grants"), 200).toString()).doesNotContain(grantId);
		assertThat(json(bea.person.get("/api/v1/me/access-log"), 200).toString()).doesNotContain(ann.vendorName);
		// Bea's grant to a relationship that is Ann's: not hers to use.
		assertThat(bea.person
			.sendJson("POST", "/api/v1/me/grants", JSON.writeValueAsString(Map.of("relationshipId", ann.relationshipId,
					"purpose", "billing", "fields", List.of("email.address"))))
			.status()).isEqualTo(404);
		// A token without data:read cannot read at all.
		assertThat(ann.read(ann.token("relationships:read")).statusCode()).isEqualTo(403);
	}

	@Test
	void badGrantsAreRefusedNamingTheFieldAndNothingIsKept() {
		SharingFixture ann = new SharingFixture(port);
		Map<String, Object> good = Map.of("relationshipId", ann.relationshipId, "purpose", "billing", "fields",
				List.of("email.address"));
		assertRefused(ann, with(good, "purpose", "selling-my-soul"), "purpose");
		assertRefused(ann, with(good, "fields", List.of("email.nonsense")), "fields");
		assertRefused(ann, with(good, "fields", List.of("membership.number")), "fields");
		assertRefused(ann, with(good, "fields", List.of()), "fields");
		assertRefused(ann, with(good, "until", "2020-01-01"), "until");
		assertRefused(ann, with(good, "agreementId", "PDC-INTENT"), "agreementId");
		assertRefused(ann, with(good, "documents", List.of(UUID.randomUUID().toString())), "documents");
		assertThat(json(ann.person.get("/api/v1/me/grants"), 200)).isEmpty();
		assertThat(json(ann.person.get("/api/v1/me/receipts"), 200)).isEmpty();

		json(ann.person.sendJson("POST", "/api/v1/me/relationships/" + ann.relationshipId + "/end", null), 200);
		assertRefused(ann, good, "relationshipId");
	}

	@Test
	void endingTheAgreementOrTheRelationshipRevokesItsGrants() {
		SharingFixture ann = new SharingFixture(port);
		String grantId = ann.grant(List.of("email.address"), "billing").get("id").asString();
		// The person stops proffering SD-BASE in this relationship: the accepted
		// agreement ends.
		json(ann.person.sendJson("PATCH", "/api/v1/me/relationships/" + ann.relationshipId, "{\"terms\":[\"PDC-AI\"]}"),
				200);
		assertThat(json(ann.person.get("/api/v1/me/grants/" + grantId), 200).get("state").asString())
			.isEqualTo("ENDED");
		assertThat(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data").status()).isEqualTo(410);

		SharingFixture bea = new SharingFixture(port);
		String beaGrant = bea.grant(List.of("phone.number"), "customer-care").get("id").asString();
		json(bea.person.sendJson("POST", "/api/v1/me/relationships/" + bea.relationshipId + "/end", null), 200);
		assertThat(json(bea.person.get("/api/v1/me/grants/" + beaGrant), 200).get("state").asString())
			.isEqualTo("ENDED");
		assertThat(json(bea.person.get("/api/v1/me/receipts?grant=" + beaGrant), 200).findValuesAsString("event"))
			.containsExactly("terminated", "given");
		// the vendor hears of the grant ending before it hears the relationship ended
		assertThat(json(bea.vendor.get("/api/v1/vendor/events"), 200).findValuesAsString("type"))
			.containsSubsequence("grant.created", "grant.revoked", "relationship.ended");
	}

	@Test
	void afterRevocationTheSharesCiphertextOpensWithNothingTheHubStillHolds() {
		SharingFixture ann = new SharingFixture(port);
		UUID grantId = UUID
			.fromString(ann.grant(List.of("email.address", "phone.number"), "delivery").get("id").asString());
		record Stored(byte[] key, byte[] share) {
		}
		Stored before = jdbc.sql("SELECT share_key, share FROM consent_grant WHERE id = ?")
			.param(grantId)
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getBytes(2)))
			.single();
		// Control: with its key the copy opens and holds the values.
		assertThat(new String(cipher.decrypt(grantId, before.key(), before.share(), "fields"))).contains(ann.email);

		json(ann.person.sendJson("POST", "/api/v1/me/grants/" + grantId + "/revoke", null), 200);

		Stored after = jdbc.sql("SELECT share_key, share FROM consent_grant WHERE id = ?")
			.param(grantId)
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getBytes(2)))
			.single();
		assertThat(after.key()).isNull();
		assertThat(after.share()).isNull();
		// Every share key the hub still holds, and the master key itself, fail on the old
		// ciphertext.
		List<Map.Entry<UUID, byte[]>> remaining = jdbc
			.sql("SELECT id, share_key FROM consent_grant WHERE share_key IS NOT NULL")
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.list();
		for (Map.Entry<UUID, byte[]> key : remaining) {
			assertThatThrownBy(() -> cipher.decrypt(key.getKey(), key.getValue(), before.share(), "fields"))
				.isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> cipher.decrypt(grantId, key.getValue(), before.share(), "fields"))
				.isInstanceOf(IllegalStateException.class);
		}
		assertThatThrownBy(() -> hubKeys.unseal(before.share(), ShareCipher.context(grantId)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM consent_shared_document WHERE grant_id = ?")
			.param(grantId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachGrantChangeAndRevocationHasASignedReceiptThatVerifiesWithThePublishedKey() throws Exception {
		SharingFixture ann = new SharingFixture(port);
		String grantId = ann.grant(List.of("email.address"), "billing").get("id").asString();
		json(ann.person.sendJson("PUT", "/api/v1/me/grants/" + grantId,
				"{\"fields\":[\"email.address\",\"phone.number\"],\"until\":\"2099-12-31\"}"), 200);
		json(ann.person.sendJson("POST", "/api/v1/me/grants/" + grantId + "/revoke", null), 200);

		JsonNode receipts = json(ann.person.get("/api/v1/me/receipts?grant=" + grantId), 200);
		assertThat(receipts.findValuesAsString("event")).containsExactly("withdrawn", "modified", "given");
		String modifiedId = receipts.get(1).get("id").asString();
		JsonNode modified = json(ann.person.get("/api/v1/me/receipts/" + modifiedId), 200);
		JsonNode claims = modified.get("claims");
		// Kantara Consent Receipt v1.1 fields
		assertThat(claims.get("version").asString()).isEqualTo("KI-CR-v1.1.0");
		assertThat(claims.get("consentReceiptID").asString()).isEqualTo(modifiedId);
		assertThat(claims.get("jurisdiction").asString()).isNotBlank();
		assertThat(claims.get("consentTimestamp").asLong()).isPositive();
		assertThat(claims.get("collectionMethod").asString()).isNotBlank();
		assertThat(claims.get("piiPrincipalId").asString()).isEqualTo(ann.ref);
		assertThat(claims.get("piiControllers").get(0).get("piiController").asString()).isEqualTo(ann.vendorName);
		assertThat(claims.get("policyUrl").asString()).endsWith("/api/v1/terms/SD-BASE");
		JsonNode purpose = claims.get("services").get(0).get("purposes").get(0);
		assertThat(purpose.get("purposeCategory").get(0).asString()).isEqualTo("dpv:PaymentManagement");
		assertThat(purpose.get("piiCategory").valueStream().map(JsonNode::asString).toList())
			.containsExactly("email.address", "phone.number");
		assertThat(purpose.get("termination").asString()).contains("2100-01-01");
		assertThat(purpose.get("thirdPartyDisclosure").asBoolean()).isFalse();
		// The ISO/IEC TS 27560 record
		assertThat(claims.get("iso27560").get("event").get(0).get("eventType").asString()).isEqualTo("modified");
		assertThat(claims.get("iso27560").get("consentState").asString()).isEqualTo("active");
		assertThat(claims.toString()).doesNotContain(ann.email);

		String jws = modified.get("signed").asString();
		JWKSet published = JWKSet.parse(new HubClient(port).get("/.well-known/jwks.json").body());
		JWSObject parsed = JWSObject.parse(jws);
		assertThat(parsed.verify(new ECDSAVerifier(published.getKeyByKeyId(parsed.getHeader().getKeyID()).toECKey())))
			.isTrue();
		assertThat(
				json(new HubClient(port).sendJson("POST", "/api/v1/receipts/verify", "{\"receipt\":\"" + jws + "\"}"),
						200)
					.get("valid")
					.asBoolean())
			.isTrue();
		String[] parts = jws.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("phone.number",
				"identity.birth-date");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertThat(json(
				new HubClient(port).sendJson("POST", "/api/v1/receipts/verify", "{\"receipt\":\"" + forged + "\"}"),
				200)
			.get("valid")
			.asBoolean()).isFalse();
		// An agreement record is signed by the same key but is not a receipt.
		String agreementRecord = json(ann.vendor.get("/api/v1/vendor/agreements?state=ACCEPTED"), 200).get(0)
			.get("signedRecord")
			.asString();
		assertThat(json(new HubClient(port).sendJson("POST", "/api/v1/receipts/verify",
				"{\"receipt\":\"" + agreementRecord + "\"}"), 200)
			.get("valid")
			.asBoolean()).isFalse();

		// The vendor keeps the same receipts; another person or vendor reaches none of
		// them.
		assertThat(json(ann.vendor.get("/api/v1/vendor/receipts/" + modifiedId), 200).get("signed").asString())
			.isEqualTo(jws);
		SharingFixture other = new SharingFixture(port);
		assertThat(other.person.get("/api/v1/me/receipts/" + modifiedId).status()).isEqualTo(404);
		assertThat(other.vendor.get("/api/v1/vendor/receipts/" + modifiedId).status()).isEqualTo(404);
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(base);
		changed.put(key, value);
		return changed;
	}

	private static void assertRefused(SharingFixture who, Map<String, Object> body, String field) {
		HubClient.Response response = who.person.sendJson("POST", "/api/v1/me/grants", JSON.writeValueAsString(body));
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

}
