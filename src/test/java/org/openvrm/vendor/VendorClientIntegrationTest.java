package org.openvrm.vendor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.WebhookReceiver;
import org.openvrm.client.ApiClient;
import org.openvrm.client.ApiException;
import org.openvrm.client.api.VendorApiClientsApi;
import org.openvrm.client.api.VendorEventsApi;
import org.openvrm.client.api.VendorIntentsAndOffersApi;
import org.openvrm.client.api.VendorOnboardingApi;
import org.openvrm.client.api.VendorSharedDataApi;
import org.openvrm.client.api.VendorSubscriptionsApi;
import org.openvrm.client.api.VendorWebhooksApi;
import org.openvrm.client.api.VendorsApi;
import org.openvrm.client.model.AccessToken;
import org.openvrm.client.model.AttributeFit;
import org.openvrm.client.model.CreatedClient;
import org.openvrm.client.model.CreatedEndpoint;
import org.openvrm.client.model.NewEndpoint;
import org.openvrm.client.model.NewOffer;
import org.openvrm.client.model.NewSubscription;
import org.openvrm.client.model.Notice;
import org.openvrm.client.model.Offer;
import org.openvrm.client.model.OfferAcceptedNotice;
import org.openvrm.client.model.ProfileChange;
import org.openvrm.client.model.Redemption;
import org.openvrm.client.model.SharedData;
import org.openvrm.client.model.SignedUpVendor;
import org.openvrm.client.model.VendorEvent;
import org.openvrm.client.model.VendorProfile;
import org.openvrm.client.model.VendorSignUp;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A vendor's developer with nothing but the Java client generated from docs/openapi.json:
 * sign up, exchange the registration token for a client, get a token, set the profile,
 * subscribe, add a webhook, read the feed, accept the intent's terms, offer, hear of the
 * award and read the disclosed data. If the generated client cannot do it, the contract
 * is wrong. (The person's side goes through the API as in the other intent tests.) Same
 * settings as the other webhook tests.
 */
@HubTest
@TestPropertySource(properties = { "openvrm.webhooks.allow-private-addresses=true",
		"spring.datasource.url=jdbc:h2:mem:openvrm-webhooks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.default-schema=public",
		"spring.flyway.schemas=public", "spring.datasource.hikari.schema=public",
		"openvrm.webhooks.relay-interval=300ms" })
class VendorClientIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TERMS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	@LocalServerPort
	int port;

	WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() {
		receiver = WebhookReceiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aVendorFromSignUpToTheAwardWithTheGeneratedClientAlone() throws Exception {
		ApiClient anonymous = client();
		SignedUpVendor signedUp = new VendorOnboardingApi(anonymous).registrationSignUp(
				new VendorSignUp().organisationName("Generated Travel " + UUID.randomUUID().toString().substring(0, 6))
					.displayName("Dev")
					.email(Hub.uniqueEmail("generated"))
					.password(Hub.PASSWORD));
		CreatedClient credentials = new VendorOnboardingApi(anonymous)
			.registrationRedeem(new Redemption().registrationToken(signedUp.getRegistration().getRegistrationToken())
				.name("booking system"));
		assertThat(credentials.getClient().getScopes()).containsExactlyInAnyOrderElementsOf(ApiClients.SCOPES);
		assertThatThrownBy(() -> new VendorOnboardingApi(anonymous).registrationRedeem(
				new Redemption().registrationToken(signedUp.getRegistration().getRegistrationToken()).name("twice")))
			.isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(422));

		ApiClient vendor = withToken(issueToken(credentials));
		VendorProfile profile = new VendorsApi(vendor).vendorsPatch(
				new ProfileChange().acceptedTerms(TERMS).categories(List.of("travel")).regions(List.of("FR")));
		assertThat(profile.getAcceptedTerms()).containsExactlyElementsOf(TERMS);
		assertThat(profile.getId()).isEqualTo(signedUp.getVendorId());

		new VendorSubscriptionsApi(vendor).subscriptionsCreate(new NewSubscription().name("Beach holidays in France")
			.categories(List.of("travel.package-holidays"))
			.regions(List.of("FR"))
			.acceptedTerms(TERMS));
		CreatedEndpoint endpoint = new VendorWebhooksApi(vendor).webhooksCreate(new NewEndpoint().url(receiver.url())
			.events(List.of(NewEndpoint.EventsEnum.INTENT_MATCHED, NewEndpoint.EventsEnum.OFFER_ACCEPTED)));
		assertThat(endpoint.getSecret()).startsWith("whsec_");

		HubClient ann = Hub.person(port);
		String shared = Hub.uniqueEmail("shared");
		json(ann.sendJson("POST", "/api/v1/me/records",
				JSON.writeValueAsString(Map.of("kind", "EMAIL", "fields", Map.of("address", shared)))), 201);
		JsonNode intent = json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(holiday())), 201);
		String ref = intent.get("ref").asString();

		VendorIntentsAndOffersApi intents = new VendorIntentsAndOffersApi(vendor);
		List<Notice> feed = intents.vendorIntentsFeed(null, 50);
		assertThat(feed).extracting(notice -> notice.getIntent().getRef()).contains(ref);
		WebhookReceiver.Received matched = receiver.await("intent.matched", ref);
		VendorEvent matchedInFeed = new VendorEventsApi(vendor).eventsEvents(null, 50)
			.stream()
			.filter(event -> event.getType() == VendorEvent.TypeEnum.INTENT_MATCHED)
			.findFirst()
			.orElseThrow();
		assertThat(matched.header("Webhook-id")).as("the webhook-id is the feed's event id")
			.isEqualTo(matchedInFeed.getId().toString());

		intents.vendorIntentsAgree(ref);
		Offer offer = intents.vendorIntentsPost(ref,
				new NewOffer().price(new BigDecimal("3200"))
					.currency("EUR")
					.included("Return train tickets and 14 nights by the sea")
					.validUntil(LocalDate.now().plusDays(30))
					.fit(List.of(new AttributeFit().key("transport").met(true).note("by train"))));

		json(ann.sendJson("POST",
				"/api/v1/me/intents/" + intent.get("id").asString() + "/offers/" + offer.getId() + "/accept", null),
				200);
		receiver.await("offer.accepted");
		VendorEvent award = new VendorEventsApi(vendor).eventsEvents(null, 50)
			.stream()
			.filter(event -> event.getType() == VendorEvent.TypeEnum.OFFER_ACCEPTED)
			.findFirst()
			.orElseThrow();
		// The feed's data is the record its type names under `webhooks`: read as the
		// generated model.
		OfferAcceptedNotice accepted = new ObjectMapper().findAndRegisterModules()
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
			.convertValue(award.getData(), OfferAcceptedNotice.class);
		assertThat(accepted.getIntentRef()).isEqualTo(ref);
		assertThat(accepted.getOfferId()).isEqualTo(offer.getId());
		assertThat(accepted.getDisclosed()).containsExactly("email.address");

		SharedData data = new VendorSharedDataApi(vendor).sharedDataRead(accepted.getCustomerRef());
		assertThat(data.getGrants().toString()).contains(shared);
	}

	@Test
	void anAdminsRegistrationTokenMakesAClientWithItsScopesOnce() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		String token = json(
				admin.sendJson("POST", "/api/v1/vendor/registration-tokens", "{\"scopes\":[\"intents:read\"]}"), 201)
			.get("registrationToken")
			.asString();
		CreatedClient created = new VendorOnboardingApi(client())
			.registrationRedeem(new Redemption().registrationToken(token).name("feed reader"));
		assertThat(created.getClient().getScopes()).containsExactly("intents:read");
		ApiClient reader = withToken(issueToken(created));
		assertThat(new VendorIntentsAndOffersApi(reader).vendorIntentsFeed(null, 10)).isEmpty();
		assertThatThrownBy(() -> new VendorApiClientsApi(reader).apiClientsList())
			.as("a client token cannot manage clients")
			.isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));
		assertThatThrownBy(() -> new VendorOnboardingApi(client())
			.registrationRedeem(new Redemption().registrationToken("ovrt_made-up").name("guess")))
			.isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(422));
		assertThat(
				json(admin.sendJson("POST", "/api/v1/vendor/registration-tokens", "{\"scopes\":[\"everything\"]}"), 422)
					.toString())
			.contains("scopes");
	}

	private String issueToken(CreatedClient credentials) throws ApiException {
		ApiClient basic = client();
		String pair = credentials.getClient().getClientId() + ":" + credentials.getSecret();
		basic.setRequestInterceptor(request -> request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
		AccessToken token = new VendorApiClientsApi(basic).issueToken("client_credentials", null);
		assertThat(token.getTokenType()).isEqualTo(AccessToken.TokenTypeEnum.BEARER);
		return token.getAccessToken();
	}

	private ApiClient withToken(String token) {
		ApiClient client = client();
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private ApiClient client() {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		return client;
	}

	private static Map<String, Object> holiday() {
		LocalDate today = LocalDate.now();
		int year = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
		return Map.ofEntries(Map.entry("title", "Train holiday by the sea"),
				Map.entry("category", "travel.package-holidays.beach"), Map.entry("region", "FR"),
				Map.entry("from", year + "-08-01"), Map.entry("to", year + "-08-15"), Map.entry("quantity", 4),
				Map.entry("budget", 3500), Map.entry("currency", "EUR"),
				Map.entry("attributes", List.of(Map.of("key", "transport", "value", "train", "required", true))),
				Map.entry("expiresOn", today.plusDays(20).toString()),
				Map.entry("disclosure", List.of("email.address")));
	}

	private static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
