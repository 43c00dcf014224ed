package org.openvrm.consent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.consent.SharingFixture.JSON;
import static org.openvrm.consent.SharingFixture.json;

@HubTest
class DataRequestsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataRequests dataRequests;

	static String ask(SharingFixture fixture, List<String> fields, String purpose) {
		return json(ask(fixture.vendor, fixture.ref, fields, purpose, "SD-BASE"), 201).get("id").asString();
	}

	static HubClient.Response ask(HubClient vendor, String ref, List<String> fields, String purpose, String agreement) {
		return vendor.sendJson("POST", "/api/v1/vendor/data-requests",
				JSON.writeValueAsString(Map.of("customerRef", ref, "agreementId", agreement, "fields", fields,
						"purpose", purpose, "durationDays", 30, "reason", "To send your invoices.")));
	}

	@Test
	void thePersonApprovesSomeFieldsAndTheVendorGetsOnlyThose() {
		SharingFixture ann = new SharingFixture(port);
		String id = ask(ann, List.of("email.address", "phone.number"), "billing");

		JsonNode pending = json(ann.person.get("/api/v1/me/data-requests?state=pending"), 200);
		assertThat(pending).hasSize(1);
		assertThat(pending.get(0).get("vendorName").asString()).isEqualTo(ann.vendorName);
		assertThat(ann.person.get("/me").body()).as("on the list of decisions")
			.contains("data-type=\"data-request\"")
			.contains(ann.vendorName)
			.contains("asks for email.address, phone.number");

		JsonNode approved = json(ann.person.sendJson("POST", "/api/v1/me/data-requests/" + id + "/approve",
				"{\"fields\":[\"email.address\"]}"), 200);
		assertThat(approved.get("state").asString()).isEqualTo("PARTLY_APPROVED");
		assertThat(approved.get("grantedFields").valueStream().map(JsonNode::asString).toList())
			.containsExactly("email.address");

		JsonNode data = json(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data"), 200);
		JsonNode fields = data.get("grants").get(0).get("fields");
		assertThat(fields.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("email.address");
		assertThat(data.get("grants").get(0).get("validUntil").isNull()).as("the 30 days asked for").isFalse();
		JsonNode grant = json(ann.person.get("/api/v1/me/grants/" + approved.get("grantId").asString()), 200);
		assertThat(grant.get("requestId").asString()).isEqualTo(id);

		assertThat(ann.person.sendJson("POST", "/api/v1/me/data-requests/" + id + "/approve", null).status())
			.as("answered once")
			.isEqualTo(409);
		assertThat(
				ann.person
					.sendJson("POST",
							"/api/v1/me/data-requests/" + ask(ann, List.of("identity.birth-date"), "billing")
									+ "/approve",
							null)
					.status())
			.as("no such value in the vault")
			.isEqualTo(422);
		assertThat(json(ann.vendor.get("/api/v1/vendor/data-requests/" + id), 200).get("state").asString())
			.isEqualTo("PARTLY_APPROVED");
		assertThat(json(ann.vendor.get("/api/v1/vendor/events"), 200).findValuesAsString("type"))
			.contains("data-request.answered");
	}

	@Test
	void declineAndExpiryLeaveNothingShared() {
		SharingFixture ann = new SharingFixture(port);
		String declined = ask(ann, List.of("email.address"), "marketing");
		assertThat(json(ann.person.sendJson("POST", "/api/v1/me/data-requests/" + declined + "/decline", null), 200)
			.get("state")
			.asString()).isEqualTo("DECLINED");
		assertThat(json(ann.vendor.get("/api/v1/vendor/data-requests/" + declined), 200).get("state").asString())
			.isEqualTo("DECLINED");

		String expiring = ask(ann, List.of("email.address"), "billing");
		jdbc.sql("UPDATE consent_data_request SET expires_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), UUID.fromString(expiring))
			.update();
		assertThat(json(ann.person.get("/api/v1/me/data-requests?state=pending"), 200)).isEmpty();
		HubClient.Response late = ann.person.sendJson("POST", "/api/v1/me/data-requests/" + expiring + "/approve",
				null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body()).contains("expired");
		dataRequests.expire();
		assertThat(json(ann.vendor.get("/api/v1/vendor/data-requests/" + expiring), 200).get("state").asString())
			.isEqualTo("EXPIRED");
		assertThat(json(ann.person.get("/api/v1/me/grants"), 200)).isEmpty();
		assertThat(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data").status()).isEqualTo(403);
	}

	@Test
	void aVendorCannotFloodAPersonNorAskOutsideItsRelationshipsAndAgreements() {
		SharingFixture ann = new SharingFixture(port);
		for (int i = 0; i < 3; i++) {
			ask(ann, List.of("email.address"), "billing");
		}
		HubClient.Response fourth = ask(ann.vendor, ann.ref, List.of("email.address"), "billing", "SD-BASE");
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.header("Retry-After")).isNotBlank();

		SharingFixture bea = new SharingFixture(port);
		assertThat(ask(bea.vendor, ann.ref, List.of("email.address"), "billing", "SD-BASE").status())
			.as("another vendor's customer")
			.isEqualTo(404);
		assertThat(ask(bea.vendor, bea.ref, List.of("email.address"), "billing", "PDC-INTENT").status()).isEqualTo(422);
		assertThat(ask(bea.vendor, bea.ref, List.of("email.shoe-size"), "billing", "SD-BASE").status()).isEqualTo(422);
		assertThat(ask(bea.vendor, bea.ref, List.of("email.address"), "nosiness", "SD-BASE").status()).isEqualTo(422);

		String annRequest = json(ann.person.get("/api/v1/me/data-requests"), 200).get(0).get("id").asString();
		assertThat(bea.person.get("/api/v1/me/data-requests/" + annRequest).status()).isEqualTo(404);
		assertThat(bea.person.sendJson("POST", "/api/v1/me/data-requests/" + annRequest + "/decline", null).status())
			.isEqualTo(404);
		assertThat(bea.vendor.get("/api/v1/vendor/data-requests/" + annRequest).status()).isEqualTo(404);
		assertThat(json(bea.vendor.get("/api/v1/vendor/data-requests"), 200).toString()).doesNotContain(annRequest);

		// A blocked vendor cannot ask.
		SharingFixture cas = new SharingFixture(port);
		json(cas.person.sendJson("PATCH", "/api/v1/me/relationships/" + cas.relationshipId, "{\"status\":\"BLOCKED\"}"),
				200);
		assertThat(ask(cas.vendor, cas.ref, List.of("email.address"), "billing", "SD-BASE").status()).isEqualTo(404);
	}

}
