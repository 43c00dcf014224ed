package org.openvrm.consent;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent module bootstrapped with only the modules it depends on: revoking a grant
 * publishes one {@link GrantChanged} (which the receipt, the timeline, the audit chain
 * and the vendor feed listen to) and the receipt is issued in the same transaction, and a
 * second revocation publishes nothing.
 *
 * Its context is not the shared one, so it keeps to a schema of its own (cleaning the
 * shared schema would pull the keys from under the other tests' hub) and is closed after
 * the class (PostgreSQL has connections for only so many pools).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(HubTest.CleanDatabase.class)
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=consent_slice", "spring.flyway.schemas=consent_slice",
		"spring.datasource.hikari.schema=consent_slice", "spring.datasource.hikari.maximum-pool-size=5" })
class ConsentModuleIntegrationTest {

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("consent_slice");
	}

	@LocalServerPort
	int port;

	@Autowired
	Grants grants;

	@Autowired
	Receipts receipts;

	@Test
	void revokingAGrantPublishesOneFactItsListenersActOn(AssertablePublishedEvents events) {
		SharingFixture fixture = new SharingFixture(port);
		JsonNode grant = fixture.grant(List.of("email.address"), "billing");
		UUID personId = UUID.fromString(json(fixture.person.get("/api/v1/me")).get("id").asString());
		UUID grantId = UUID.fromString(grant.get("id").asString());

		// in this thread, where the events are recorded (the grant was given over HTTP)
		grants.revoke(personId, grantId);

		assertThat(events).contains(GrantChanged.class)
			.matching(changed -> changed.grant().id().equals(grantId) && changed.personId().equals(personId)
					&& changed.change() == GrantChanged.Change.REVOKED);
		assertThat(events.ofType(GrantChanged.class)).hasSize(1);
		assertThat(events.ofType(GrantChanged.class).iterator().next().vendorNotice().vendorId())
			.isEqualTo(UUID.fromString(fixture.vendorId));
		assertThat(receipts.ofPerson(personId, grantId)).extracting(Receipt::event)
			.containsExactlyInAnyOrder("given", "withdrawn");

		grants.revoke(personId, grantId);
		assertThat(events.ofType(GrantChanged.class)).hasSize(1);
	}

	private static JsonNode json(HubClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return SharingFixture.JSON.readTree(response.body());
	}

}
