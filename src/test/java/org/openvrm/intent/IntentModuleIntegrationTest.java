package org.openvrm.intent;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.intent.Market.Bidder;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.json;

/**
 * The intent module bootstrapped with only the modules it depends on (no mailbox,
 * policies, market or demo): publishing an intent publishes its facts as events, one
 * {@link IntentMatched} per matching vendor (which the vendor feed listens to) and the
 * audited {@link IntentRecorded}; a vendor whose subscription does not match gets none.
 *
 * Its context is not the shared one, so it keeps to a schema of its own (cleaning the
 * shared schema would pull the keys from under the other tests' hub) and is closed after
 * the class (PostgreSQL has connections for only so many pools).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(HubTest.CleanDatabase.class)
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=intent_slice", "spring.flyway.schemas=intent_slice",
		"spring.datasource.hikari.schema=intent_slice", "spring.datasource.hikari.maximum-pool-size=5" })
class IntentModuleIntegrationTest {

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("intent_slice");
	}

	@LocalServerPort
	int port;

	@Autowired
	Intents intents;

	@Test
	void publishingAnIntentPublishesOneMatchPerMatchingVendorAndItsAuditedFact(AssertablePublishedEvents events) {
		HubClient ann = Hub.person(port, Hub.uniqueEmail("ann"));
		Bidder beach = Market.bidder(port, "Beach");
		beach.subscribe(Market.subscription("France", List.of("travel.package-holidays"), List.of("FR"), List.of()));
		Bidder phones = Market.bidder(port, "Phones");
		phones.subscribe(Market.subscription("Mobile", List.of("telecom"), List.of(), List.of()));

		UUID annId = UUID.fromString(json(ann.get("/api/v1/me"), 200).get("id").asString());

		// in this thread, where the events are recorded (the people and vendors came in
		// over HTTP)
		Intent intent = intents.create(annId,
				JSON.readValue(JSON.writeValueAsString(Market.holiday()), IntentDraft.class), true, null);

		UUID beachId = UUID.fromString(beach.vendorId());
		assertThat(events).contains(IntentMatched.class)
			.matching(matched -> matched.vendorId().equals(beachId)
					&& matched.notice().intent().ref().equals(intent.ref()));
		assertThat(events.ofType(IntentMatched.class)
			.matching(matched -> matched.vendorId().equals(UUID.fromString(phones.vendorId())))).isEmpty();
		assertThat(events).contains(IntentRecorded.class)
			.matching(recorded -> recorded.action().equals("intent-published")
					&& recorded.intentId().equals(intent.id()) && recorded.personId().equals(annId));
	}

}
