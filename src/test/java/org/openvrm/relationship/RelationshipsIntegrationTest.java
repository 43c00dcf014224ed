package org.openvrm.relationship;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class RelationshipsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Relationships relationships;

	record Vendor(HubClient client, String id) {
	}

	Vendor vendor() {
		HubClient client = Hub.vendorAdmin(port);
		return new Vendor(client, JSON.readTree(client.get("/api/v1/vendor/profile").body()).get("id").asString());
	}

	static JsonNode add(HubClient person, String vendorId, String status) {
		HubClient.Response added = person.sendJson("POST", "/api/v1/me/relationships",
				"{\"vendorId\":\"" + vendorId + "\",\"status\":\"" + status + "\"}");
		assertThat(added.status()).as(added.body()).isIn(200, 201);
		return JSON.readTree(added.body());
	}

	static List<String> refs(Vendor vendor) {
		return JSON.readTree(vendor.client().get("/api/v1/vendor/relationships").body())
			.findValuesAsString("customerRef");
	}

	@Test
	void eachVendorAndEachRelationshipSeesItsOwnUnrelatedReference() {
		HubClient ann = Hub.person(port, Hub.uniqueEmail("ann"));
		Vendor rails = vendor();
		Vendor flats = vendor();

		JsonNode withRails = add(ann, rails.id(), "FAVOURITE");
		JsonNode withFlats = add(ann, flats.id(), "NEUTRAL");

		String railsRef = withRails.get("customerRef").asString();
		String flatsRef = withFlats.get("customerRef").asString();
		assertThat(refs(rails)).containsExactly(railsRef);
		assertThat(refs(flats)).containsExactly(flatsRef);
		assertThat(railsRef).isNotEqualTo(flatsRef).startsWith("cus_").hasSize(30);
		assertThat(railsRef.substring(4, 12)).isNotEqualTo(flatsRef.substring(4, 12));
		String customer = rails.client().get("/api/v1/vendor/relationships/" + railsRef).body();
		assertThat(customer).doesNotContain("ann-").doesNotContain("@example.org").contains("SD-BASE");
		assertThat(rails.client().get("/api/v1/vendor/relationships/" + flatsRef).status())
			.as("a vendor cannot use another vendor's reference")
			.isEqualTo(404);

		ann.sendJson("POST", "/api/v1/me/relationships/" + withRails.get("id").asString() + "/end", null);
		assertThat(refs(rails)).as("ended: the vendor loses the customer").isEmpty();
		assertThat(rails.client().get("/api/v1/vendor/relationships/" + railsRef).status()).isEqualTo(404);
		String again = add(ann, rails.id(), "NEUTRAL").get("customerRef").asString();
		assertThat(again).as("a new relationship, a new reference").isNotEqualTo(railsRef);
		assertThat(refs(rails)).containsExactly(again);
	}

	@Test
	void aBlockedVendorCannotSeeOrReachThePerson() {
		HubClient bea = Hub.person(port);
		Vendor pushy = vendor();
		Vendor stranger = vendor();
		JsonNode relationship = add(bea, pushy.id(), "NEUTRAL");
		String ref = relationship.get("customerRef").asString();
		UUID beaId = UUID.fromString(JSON.readTree(bea.get("/api/v1/me").body()).get("id").asString());

		HubClient.Response blocked = bea.sendJson("PATCH",
				"/api/v1/me/relationships/" + relationship.get("id").asString(), "{\"status\":\"BLOCKED\"}");
		assertThat(blocked.status()).isEqualTo(200);

		assertThat(refs(pushy)).isEmpty();
		assertThat(pushy.client().get("/api/v1/vendor/relationships/" + ref).status()).isEqualTo(404);
		assertThat(relationships.isBlocked(beaId, UUID.fromString(pushy.id()))).isTrue();
		assertThat(relationships.relationshipOf(UUID.fromString(pushy.id()), ref)).isEmpty();

		add(bea, stranger.id(), "BLOCKED");
		assertThat(refs(stranger)).as("blocking from the directory shows the vendor nothing").isEmpty();
		assertThat(relationships.isBlocked(beaId, UUID.fromString(stranger.id()))).isTrue();

		add(bea, pushy.id(), "FAVOURITE");
		assertThat(refs(pushy)).as("unblocked: the same relationship again").containsExactly(ref);
	}

	@Test
	void anOffHubVendorAndTheNotesStaySealed() {
		HubClient cas = Hub.person(port);
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");

		HubClient.Response added = cas.sendJson("POST", "/api/v1/me/relationships",
				"""
						{"name":"Bakkerij %s","website":"https://bakkerij.example","notes":"Sourdough on %s","status":"FAVOURITE"}
						"""
					.formatted(marker, marker));

		assertThat(added.status()).isEqualTo(201);
		JsonNode relationship = JSON.readTree(added.body());
		assertThat(relationship.get("vendorId").isNull()).isTrue();
		assertThat(cas.get("/api/v1/me/relationships?status=FAVOURITE").body()).contains("Bakkerij " + marker);
		assertThat(cas.get("/api/v1/me/relationships?status=BLOCKED").body()).doesNotContain(marker);
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();
		assertThat(cas.get("/me/vendors").body()).contains("Bakkerij " + marker).contains("off the hub");
	}

	@Test
	void personACannotReachPersonBsRelationships() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		String annsId = add(ann, vendor().id(), "FAVOURITE").get("id").asString();

		assertThat(bob.get("/api/v1/me/relationships/" + annsId).status()).isEqualTo(404);
		assertThat(bob.sendJson("PATCH", "/api/v1/me/relationships/" + annsId, "{\"status\":\"BLOCKED\"}").status())
			.isEqualTo(404);
		assertThat(bob.sendJson("POST", "/api/v1/me/relationships/" + annsId + "/end", null).status()).isEqualTo(404);
		assertThat(bob.get("/me/vendors/" + annsId).status()).isEqualTo(404);
		assertThat(bob.submit("/me/vendors", "/me/vendors/" + annsId + "/end", Map.of()).status()).isEqualTo(404);
		assertThat(bob.get("/api/v1/me/relationships").body()).doesNotContain(annsId);
		assertThat(ann.get("/api/v1/me/relationships/" + annsId).body()).contains("\"status\":\"FAVOURITE\"");
	}

	@Test
	void termsPerRelationshipReachTheVendorAndTheTimelineTellsWhatHappened() {
		HubClient dirk = Hub.person(port);
		Vendor vendor = vendor();
		String id = add(dirk, vendor.id(), "NEUTRAL").get("id").asString();

		HubClient.Response own = dirk.sendJson("PATCH", "/api/v1/me/relationships/" + id,
				"{\"terms\":[\"SD-BASE-DP\",\"PDC-AI\"],\"notes\":\"Ask for the loyalty discount\"}");
		assertThat(own.status()).isEqualTo(200);
		assertThat(vendor.client().get("/api/v1/vendor/relationships").body()).contains("[\"SD-BASE-DP\",\"PDC-AI\"]");
		dirk.sendJson("PATCH", "/api/v1/me/relationships/" + id, "{\"defaultTerms\":true,\"status\":\"FAVOURITE\"}");
		assertThat(vendor.client().get("/api/v1/vendor/relationships").body())
			.contains("[\"SD-BASE\",\"PDC-AI\",\"NO-STALKING\"]");

		JsonNode page = JSON.readTree(dirk.get("/api/v1/me/relationships/" + id).body());
		assertThat(page.get("relationship").get("notes").asString()).isEqualTo("Ask for the loyalty discount");
		assertThat(
				page.get("timeline").findValuesAsString("kind").stream().filter(kind -> !kind.startsWith("agreement-")))
			.containsExactly("terms", "status", "terms", "added");
		assertThat(page.get("timeline").findValuesAsString("detail")).contains("SD-BASE-DP");
		String html = dirk.get("/me/vendors/" + id).body();
		assertThat(html).contains("Status changed to Favourite").contains("Added (Neutral)");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndLeavesNothing() {
		HubClient eve = Hub.person(port);
		String unknown = UUID.randomUUID().toString();

		assertThat(eve.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + unknown + "\"}").body())
			.contains("\"field\":\"vendorId\"");
		assertThat(eve.sendJson("POST", "/api/v1/me/relationships", "{\"name\":\"  \"}").body())
			.contains("\"field\":\"name\"");
		assertThat(eve.sendJson("POST", "/api/v1/me/relationships", "{\"name\":\"Shop\",\"website\":\"ftp://shop\"}")
			.body()).contains("\"field\":\"website\"");
		assertThat(eve.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"x\"}").status()).isEqualTo(400);
		assertThat(eve.get("/api/v1/me/relationships").body()).isEqualTo("[]");

		String id = add(eve, vendor().id(), "NEUTRAL").get("id").asString();
		HubClient.Response badTerms = eve.sendJson("PATCH", "/api/v1/me/relationships/" + id,
				"{\"status\":\"FAVOURITE\",\"terms\":[\"SD-EVERYTHING\"]}");
		assertThat(badTerms.status()).isEqualTo(422);
		assertThat(badTerms.body()).contains("\"field\":\"terms\"");
		assertThat(eve.get("/api/v1/me/relationships/" + id).body()).as("nothing half-saved")
			.contains("\"status\":\"NEUTRAL\"");
		eve.sendJson("POST", "/api/v1/me/relationships/" + id + "/end", null);
		assertThat(eve.sendJson("PATCH", "/api/v1/me/relationships/" + id, "{\"status\":\"FAVOURITE\"}").status())
			.isEqualTo(422);
	}

}
