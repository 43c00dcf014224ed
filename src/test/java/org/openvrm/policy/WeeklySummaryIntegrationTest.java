package org.openvrm.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly summary goes through a real (in-process) SMTP server, only to people who
 * asked for it, and says how many matters policies settled: never a vendor, a field or a
 * value. Mail settings make a context of its own, so it gets a schema of its own (see
 * {@link OwnSchema}).
 */
@HubTest
@TestPropertySource(properties = { "spring.flyway.default-schema=summary", "spring.flyway.schemas=summary",
		"spring.datasource.hikari.schema=summary" })
class WeeklySummaryIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("summary");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	WeeklySummary summary;

	@Test
	void onlyThoseWhoAskedGetTheWeekInCountsWithNothingPersonal() throws Exception {
		String annEmail = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, annEmail);
		HubClient bea = Hub.person(port);
		json(ann.sendJson("POST", "/api/v1/me/policies/defaults", "{\"declineMarketing\":true,\"summaryMail\":true}"),
				200);
		json(bea.sendJson("POST", "/api/v1/me/policies/defaults", "{\"declineMarketing\":true,\"summaryMail\":false}"),
				200);
		HubClient shop = Hub.vendorAdmin(port, "Shop " + UUID.randomUUID().toString().substring(0, 6),
				Hub.uniqueEmail("shop"));
		String vendorName = json(shop.get("/api/v1/vendor/profile"), 200).get("name").asString();
		for (HubClient person : List.of(ann, bea)) {
			String ref = relate(person, shop);
			String request = json(shop.sendJson("POST", "/api/v1/vendor/data-requests",
					JSON.writeValueAsString(Map.of("customerRef", ref, "agreementId", "SD-BASE", "fields",
							List.of("email.address"), "purpose", "marketing", "durationDays", 30, "reason",
							"Our newsletter about sea views"))),
					201)
				.get("id")
				.asString();
			assertThat(json(shop.get("/api/v1/vendor/data-requests/" + request), 200).get("state").asString())
				.isEqualTo("DECLINED");
		}

		assertThat(summary.send()).as("Bea did not ask for e-mail").isEqualTo(1);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(annEmail);
		String mail = received[0].getSubject() + GreenMailUtil.getBody(received[0]);
		assertThat(mail).contains("data requests declined: 1").contains("/me");
		assertThat(mail).doesNotContain(vendorName)
			.doesNotContain("newsletter")
			.doesNotContain("email.address")
			.doesNotContain("marketing");

		assertThat(summary.send()).as("one summary a week").isZero();
	}

	private static String relate(HubClient person, HubClient vendor) {
		String vendorId = json(vendor.get("/api/v1/vendor/profile"), 200).get("id").asString();
		String ref = json(person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId + "\"}"),
				201)
			.get("customerRef")
			.asString();
		json(vendor.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null), 200);
		return ref;
	}

	private static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
