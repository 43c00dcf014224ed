package org.openvrm.policy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.consent.DataRequested;
import org.openvrm.intent.Market;
import org.openvrm.intent.Market.Bidder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standing policies through the personal API: each kind acts on a matching matter and
 * leaves a near miss to the person, never beyond the person's terms, only ever for its
 * own person; what they did is counted, audited and can be undone; the decisions list
 * holds exactly what is pending.
 */
@HubTest
class PoliciesIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> TERMS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	@LocalServerPort
	int port;

	@Autowired
	Steward steward;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	// --- people, vendors and requests ---

	record Person(HubClient client, String id, String email) {

		JsonNode policy(String kind, Map<String, Object> rule) {
			return json(client.sendJson("POST", "/api/v1/me/policies",
					JSON.writeValueAsString(Map.of("kind", kind, "rule", rule))), 201);
		}

		JsonNode decisions() {
			return json(client.get("/api/v1/me/decisions"), 200);
		}

		/** The subjects of the decisions of one type. */
		List<String> decided(String type) {
			return decisions().valueStream()
				.filter(d -> d.get("type").asString().equals(type))
				.map(d -> d.get("subject").asString())
				.toList();
		}

		JsonNode actions() {
			return json(client.get("/api/v1/me/policies/actions"), 200);
		}

		JsonNode undo(String actionId, int status) {
			return json(client.sendJson("POST", "/api/v1/me/policies/actions/" + actionId + "/undo", null), status);
		}
	}

	/**
	 * A vendor the person added (with this status), which accepted SD-BASE in the
	 * relationship.
	 */
	record Seller(HubClient admin, String vendorId, String name, String relationshipId, String ref) {

		HubClient.Response ask(List<String> fields, String purpose, Integer days) {
			Map<String, Object> body = new HashMap<>(Map.of("customerRef", ref, "agreementId", "SD-BASE", "fields",
					fields, "purpose", purpose, "reason", "For your invoices."));
			body.put("durationDays", days);
			return admin.sendJson("POST", "/api/v1/vendor/data-requests", JSON.writeValueAsString(body));
		}

		String asked(List<String> fields, String purpose, Integer days) {
			return json(ask(fields, purpose, days), 201).get("id").asString();
		}

		String state(String requestId) {
			return json(admin.get("/api/v1/vendor/data-requests/" + requestId), 200).get("state").asString();
		}
	}

	Person person() {
		String email = Hub.uniqueEmail("person");
		HubClient client = signUp(email);
		return new Person(client, json(client.get("/api/v1/me"), 200).get("id").asString(), email);
	}

	/**
	 * As {@link Hub#person}, whether or not the welcome wizard comes after the recovery
	 * code.
	 */
	HubClient signUp(String email) {
		HubClient client = new HubClient(port);
		assertThat(client
			.submit("/signup", "/signup",
					Map.of("email", email, "displayName", "Person " + email.substring(0, 4), "password", Hub.PASSWORD))
			.location()).isEqualTo("/me/recovery-code");
		assertThat(client.submit("/me/recovery-code", "/me/recovery-code", Map.of("kept", "yes")).location())
			.startsWith("/me");
		return client;
	}

	/** A person with an e-mail address and a postal address in the vault. */
	Person personWithRecords() {
		Person person = person();
		json(person.client()
			.sendJson("POST", "/api/v1/me/records",
					JSON.writeValueAsString(
							Map.of("kind", "EMAIL", "fields", Map.of("address", person.email(), "label", "home")))),
				201);
		json(person.client()
			.sendJson("POST", "/api/v1/me/records", JSON.writeValueAsString(Map.of("kind", "POSTAL_ADDRESS", "fields",
					Map.of("street", "Rue Haute 1", "postal-code", "1000", "city", "Brussels", "country", "BE")))),
				201);
		return person;
	}

	static void keepServiceShare(Person person, List<String> fields) {
		JsonNode share = json(
				person.client()
					.sendJson("PUT", "/api/v1/me/service-share", JSON.writeValueAsString(Map.of("fields", fields))),
				200);
		assertThat(strings(share.get("filled"))).containsExactlyInAnyOrderElementsOf(fields);
	}

	Seller seller(Person person, String status) {
		HubClient admin = Hub.vendorAdmin(port, "Seller " + UUID.randomUUID().toString().substring(0, 6),
				Hub.uniqueEmail("vendor"));
		JsonNode profile = json(admin.get("/api/v1/vendor/profile"), 200);
		String vendorId = profile.get("id").asString();
		JsonNode relationship = json(person.client()
			.sendJson("POST", "/api/v1/me/relationships",
					JSON.writeValueAsString(Map.of("vendorId", vendorId, "status", status))),
				201);
		String ref = relationship.get("customerRef").asString();
		json(admin.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null), 200);
		return new Seller(admin, vendorId, profile.get("name").asString(), relationship.get("id").asString(), ref);
	}

	static Map<String, Object> approveBilling(List<String> fields) {
		return Map.of("favouritesOnly", true, "fields", fields, "purposes", List.of("billing"), "maxDays", 365);
	}

	static final List<String> BILLING_FIELDS = List.of("email.address", "postal-address.street", "postal-address.city");

	// --- approve-requests ---

	@Test
	void aFavouriteVendorsRequestWithinThePolicyIsApprovedFromTheServiceShareAndNearMissesWait() {
		Person ann = personWithRecords();
		keepServiceShare(ann, BILLING_FIELDS);
		String policyId = ann.policy("approve-requests", approveBilling(BILLING_FIELDS)).get("id").asString();
		Seller favourite = seller(ann, "FAVOURITE");
		Seller other = seller(ann, "FAVOURITE");
		Seller neutral = seller(ann, "NEUTRAL");

		String approved = favourite.asked(List.of("email.address", "postal-address.city"), "billing", 30);

		assertThat(favourite.state(approved)).isEqualTo("APPROVED");
		JsonNode request = json(ann.client().get("/api/v1/me/data-requests/" + approved), 200);
		assertThat(request.get("state").asString()).isEqualTo("APPROVED");
		String grantId = request.get("grantId").asString();
		JsonNode grant = json(ann.client().get("/api/v1/me/grants/" + grantId), 200);
		assertThat(grant.get("requestId").asString()).isEqualTo(approved);
		JsonNode data = json(favourite.admin().get("/api/v1/vendor/relationships/" + favourite.ref() + "/data"), 200);
		JsonNode fields = data.get("grants").get(0).get("fields");
		assertThat(fields.get("email.address").asString()).isEqualTo(ann.email());
		assertThat(fields.get("postal-address.city").asString()).isEqualTo("Brussels");
		assertThat(fields.has("postal-address.street")).as("only what was asked").isFalse();
		assertThat(data.get("grants").get(0).get("validUntil").isNull()).as("the 30 days asked for").isFalse();

		// near misses: each waits for the person
		List<String> waiting = new ArrayList<>();
		waiting.add(neutral.asked(List.of("email.address"), "billing", 30));
		waiting.add(favourite.asked(List.of("email.address"), "billing", 400));
		waiting.add(favourite.asked(List.of("email.address"), "billing", null));
		waiting.add(other.asked(List.of("email.address", "postal-address.country"), "billing", 30));
		waiting.add(other.asked(List.of("email.address"), "delivery", 30));
		for (String id : waiting) {
			assertThat(json(ann.client().get("/api/v1/me/data-requests/" + id), 200).get("state").asString()).as(id)
				.isEqualTo("PENDING");
		}
		assertThat(ann.decided("data-request")).as("exactly the pending requests")
			.containsExactlyInAnyOrderElementsOf(waiting);
		JsonNode item = ann.decisions()
			.valueStream()
			.filter(d -> d.get("subject").asString().equals(waiting.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("item").asString()).isEqualTo("data-request:" + waiting.get(0));
		assertThat(item.get("title").asString()).isEqualTo(neutral.name());
		assertThat(item.get("facts").get("purpose").asString()).isEqualTo("billing");
		assertThat(item.get("choices").findValuesAsString("name")).containsExactly("approve", "decline");

		// decided by the person: gone from the list
		json(ann.client().sendJson("POST", "/api/v1/me/data-requests/" + waiting.get(0) + "/decline", null), 200);
		assertThat(ann.decided("data-request")).doesNotContain(waiting.get(0)).hasSize(waiting.size() - 1);

		// counted, in the week's summary, the audit log and the relationship's timeline
		JsonNode policy = json(ann.client().get("/api/v1/me/policies/" + policyId), 200);
		assertThat(policy.get("fired").asLong()).isEqualTo(1);
		assertThat(policy.get("lastFiredAt").isNull()).isFalse();
		assertThat(json(ann.client().get("/api/v1/me/policies"), 200).get(0).get("fired").asLong()).isEqualTo(1);
		JsonNode actions = ann.actions();
		assertThat(actions.get("counts").get("approve-requests/approved").asLong()).isEqualTo(1);
		assertThat(actions.get("actions")).hasSize(1);
		JsonNode action = actions.get("actions").get(0);
		assertThat(action.get("outcome").asString()).isEqualTo("approved");
		assertThat(action.get("subject").asString()).isEqualTo("request:" + approved);
		assertThat(action.get("policyId").asString()).isEqualTo(policyId);
		assertThat(action.get("undoable").asBoolean()).isTrue();
		assertThat(json(ann.client().get("/api/v1/me/audit"), 200).findValuesAsString("action"))
			.contains("policy-approved");
		JsonNode relationship = json(ann.client().get("/api/v1/me/relationships/" + favourite.relationshipId()), 200);
		assertThat(relationship.get("timeline").findValuesAsString("kind")).contains("policy-approved");

		// undone: the grant is revoked and the vendor reads nothing more
		JsonNode undone = ann.undo(action.get("id").asString(), 200);
		assertThat(undone.get("undoneAt").isNull()).isFalse();
		assertThat(undone.get("undoable").asBoolean()).isFalse();
		assertThat(json(ann.client().get("/api/v1/me/grants/" + grantId), 200).get("state").asString())
			.isEqualTo("REVOKED");
		assertThat(favourite.admin().get("/api/v1/vendor/relationships/" + favourite.ref() + "/data").status())
			.isIn(403, 410);
		ann.undo(action.get("id").asString(), 409);
		assertThat(ann.actions().get("counts").has("approve-requests/approved")).as("undone, not counted").isFalse();
		assertThat(json(ann.client().get("/api/v1/me/audit"), 200).findValuesAsString("action"))
			.contains("policy-undone");
	}

	@Test
	void withoutTheFieldsInTheServiceShareARequestWaitsForThePerson() {
		Person ann = personWithRecords();
		ann.policy("approve-requests", approveBilling(BILLING_FIELDS));
		Seller favourite = seller(ann, "FAVOURITE");

		String noShare = favourite.asked(List.of("email.address"), "billing", 30);
		keepServiceShare(ann, List.of("email.address"));
		String notInShare = favourite.asked(List.of("postal-address.city"), "billing", 30);
		assertThat(favourite.state(noShare)).isEqualTo("PENDING");
		assertThat(favourite.state(notInShare)).isEqualTo("PENDING");
		assertThat(ann.decided("data-request")).containsExactlyInAnyOrder(noShare, notInShare);

		// revoking the share leaves everything to the person again
		assertThat(ann.client().sendJson("DELETE", "/api/v1/me/service-share", null).status()).isEqualTo(204);
		assertThat(ann.client().get("/api/v1/me/service-share").status()).isEqualTo(404);
		Seller second = seller(ann, "FAVOURITE");
		assertThat(second.state(second.asked(List.of("email.address"), "billing", 30))).isEqualTo("PENDING");
		assertThat(ann.actions().get("actions")).isEmpty();
	}

	@Test
	void aServiceShareKeptBeforeTheVaultHasTheValuesIsFilledInWhenARecordArrives() {
		Person ann = person();
		JsonNode empty = json(ann.client()
			.sendJson("PUT", "/api/v1/me/service-share",
					JSON.writeValueAsString(Map.of("fields", List.of("email.address")))),
				200);
		assertThat(strings(empty.get("fields"))).containsExactly("email.address");
		assertThat(empty.get("filled")).isEmpty();
		ann.policy("approve-requests", approveBilling(List.of("email.address")));
		Seller shop = seller(ann, "FAVOURITE");
		String early = shop.asked(List.of("email.address"), "billing", 30);
		assertThat(shop.state(early)).as("no value yet").isEqualTo("PENDING");

		json(ann.client()
			.sendJson("POST", "/api/v1/me/records", JSON.writeValueAsString(
					Map.of("kind", "EMAIL", "fields", Map.of("address", ann.email(), "label", "home")))),
				201);
		assertThat(strings(json(ann.client().get("/api/v1/me/service-share"), 200).get("filled")))
			.containsExactly("email.address");
		String later = shop.asked(List.of("email.address"), "billing", 30);
		assertThat(shop.state(later)).isEqualTo("APPROVED");
		JsonNode data = json(shop.admin().get("/api/v1/vendor/relationships/" + shop.ref() + "/data"), 200);
		assertThat(data.get("grants").get(0).get("fields").get("email.address").asString()).isEqualTo(ann.email());
	}

	// --- decline-requests ---

	@Test
	void marketingAndProfilingAreDeclinedAndADeclineWinsOverAnApprove() {
		Person ann = personWithRecords();
		keepServiceShare(ann, BILLING_FIELDS);
		ann.policy("approve-requests", approveBilling(BILLING_FIELDS));
		String declining = ann.policy("decline-requests", Map.of("purposes", List.of("marketing", "profiling")))
			.get("id")
			.asString();
		Seller shop = seller(ann, "FAVOURITE");

		String marketing = shop.asked(List.of("email.address"), "marketing", 30);
		String profiling = shop.asked(List.of("email.address"), "profiling", null);
		String care = shop.asked(List.of("email.address"), "customer-care", 30);
		assertThat(shop.state(marketing)).isEqualTo("DECLINED");
		assertThat(shop.state(profiling)).isEqualTo("DECLINED");
		assertThat(shop.state(care)).as("near miss: no policy covers it").isEqualTo("PENDING");
		assertThat(ann.decided("data-request")).containsExactly(care);
		assertThat(json(ann.client().get("/api/v1/me/policies/" + declining), 200).get("fired").asLong()).isEqualTo(2);

		ann.policy("decline-requests", Map.of("purposes", List.of("billing")));
		Seller other = seller(ann, "FAVOURITE");
		String billing = other.asked(List.of("email.address"), "billing", 30);
		assertThat(other.state(billing)).as("the decline wins").isEqualTo("DECLINED");
		assertThat(json(ann.client().get("/api/v1/me/grants"), 200)).isEmpty();

		JsonNode actions = ann.actions();
		assertThat(actions.get("counts").get("decline-requests/declined").asLong()).isEqualTo(3);
		assertThat(actions.get("counts").has("approve-requests/approved")).isFalse();
		String declineAction = actions.get("actions").get(0).get("id").asString();
		assertThat(actions.get("actions").get(0).get("undoable").asBoolean()).isFalse();
		ann.undo(declineAction, 409);
		assertThat(json(ann.client().get("/api/v1/me/audit"), 200).findValuesAsString("action"))
			.contains("policy-declined");
		JsonNode relationship = json(ann.client().get("/api/v1/me/relationships/" + shop.relationshipId()), 200);
		assertThat(relationship.get("timeline").findValuesAsString("kind")).contains("policy-declined");
	}

	@Test
	void requestsWaitingFromBeforeAPolicyAreSettledOnlyWhenThePersonAppliesThePolicies() {
		Person ann = personWithRecords();
		Person bob = personWithRecords();
		keepServiceShare(ann, BILLING_FIELDS);
		Seller shop = seller(ann, "FAVOURITE");
		String billing = shop.asked(List.of("email.address"), "billing", 30);
		String marketing = shop.asked(List.of("email.address"), "marketing", 30);
		String care = shop.asked(List.of("email.address"), "customer-care", 30);
		Seller bobsShop = seller(bob, "FAVOURITE");
		String bobsMarketing = bobsShop.asked(List.of("email.address"), "marketing", 30);

		ann.policy("approve-requests", approveBilling(BILLING_FIELDS));
		ann.policy("decline-requests", Map.of("purposes", List.of("marketing")));
		assertThat(shop.state(billing)).as("writing a policy leaves what waits alone").isEqualTo("PENDING");
		assertThat(ann.decided("data-request")).containsExactlyInAnyOrder(billing, marketing, care);
		assertThat(navigationCount(ann.client().get("/me").body())).as("the dashboard counts its own list")
			.isEqualTo("3");
		assertThat(navigationCount(ann.client().get("/me/policies").body())).isEqualTo("3");

		JsonNode applied = json(ann.client().sendJson("POST", "/api/v1/me/policies/apply", null), 200);
		assertThat(applied.get("settled").asInt()).isEqualTo(2);
		assertThat(shop.state(billing)).isEqualTo("APPROVED");
		assertThat(shop.state(marketing)).isEqualTo("DECLINED");
		assertThat(shop.state(care)).as("near miss: no policy covers it").isEqualTo("PENDING");
		assertThat(ann.decided("data-request")).containsExactly(care);
		assertThat(navigationCount(ann.client().get("/me").body())).isEqualTo("1");
		assertThat(navigationCount(ann.client().get("/me/policies").body())).isEqualTo("1");
		assertThat(ann.actions().get("counts").get("approve-requests/approved").asLong()).isEqualTo(1);
		assertThat(bobsShop.state(bobsMarketing)).as("Ann's policies never act for Bob").isEqualTo("PENDING");
		assertThat(json(bob.client().sendJson("POST", "/api/v1/me/policies/apply", null), 200).get("settled").asInt())
			.as("Bob has no policies")
			.isZero();
		assertThat(bobsShop.state(bobsMarketing)).isEqualTo("PENDING");

		HubClient.Response page = ann.client().submit("/me/policies", "/me/policies/apply", Map.of());
		assertThat(page.location()).isEqualTo("/me/policies");
		assertThat(ann.client().get("/me/policies").body()).contains("Your policies settled nothing that was waiting.");
	}

	/** The number of decisions beside "Dashboard" in the page's navigation. */
	static String navigationCount(String page) {
		Matcher count = Pattern.compile("id=\"nav-decisions\"[^>]*>(\\d+)<").matcher(page);
		assertThat(count.find()).as("a count in the navigation").isTrue();
		return count.group(1);
	}

	// --- never beyond the person's terms, never for a blocked vendor ---

	@Test
	void noPolicyApprovesBeyondThePersonsTermsNorForABlockedVendor() {
		Person ann = personWithRecords();
		for (String purpose : List.of("marketing", "profiling")) {
			HubClient.Response refused = ann.client()
				.sendJson("POST", "/api/v1/me/policies", JSON.writeValueAsString(Map.of("kind", "approve-requests",
						"rule", Map.of("fields", List.of("email.address"), "purposes", List.of("billing", purpose)))));
			assertThat(refused.status()).as(purpose).isEqualTo(422);
			assertThat(refused.body()).contains("\"field\":\"purposes\"");
		}
		assertThat(json(ann.client().get("/api/v1/me/policies"), 200)).isEmpty();

		keepServiceShare(ann, BILLING_FIELDS);
		ann.policy("approve-requests", Map.of("favouritesOnly", false, "fields", BILLING_FIELDS, "purposes",
				List.of("billing"), "maxDays", 365));
		Seller blocked = seller(ann, "NEUTRAL");
		json(ann.client()
			.sendJson("PATCH", "/api/v1/me/relationships/" + blocked.relationshipId(), "{\"status\":\"BLOCKED\"}"),
				200);
		assertThat(blocked.ask(List.of("email.address"), "billing", 30).status()).as("a blocked vendor cannot ask")
			.isEqualTo(404);

		// a request resting on an agreement the person no longer proffers waits for the
		// person
		Seller seller = seller(ann, "NEUTRAL");
		assertThat(ann.client().sendJson("DELETE", "/api/v1/me/service-share", null).status()).isEqualTo(204);
		String request = seller.asked(List.of("email.address"), "billing", 30);
		assertThat(seller.state(request)).isEqualTo("PENDING");
		json(ann.client().sendJson("PUT", "/api/v1/me/terms", "{\"agreements\":[\"SD-BASE-DP\",\"PDC-AI\"]}"), 200);
		keepServiceShare(ann, BILLING_FIELDS);
		steward.requested(new DataRequested(UUID.fromString(ann.id()), UUID.fromString(request), null, null));
		assertThat(seller.state(request)).isEqualTo("PENDING");
		assertThat(ann.actions().get("actions")).isEmpty();
		assertThat(json(ann.client().get("/api/v1/me/grants"), 200)).isEmpty();
	}

	// --- decline-introductions ---

	record Introducer(int port, String id, String token) {

		HttpResponse<String> call(String method, String path, Object body) {
			return Hub.withToken(port, token, method, path, body == null ? null : "application/json",
					body == null ? null : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		}

		void introduce(String interestRef) {
			json(call("POST", "/api/v1/vendor/interests/" + interestRef + "/introductions",
					Map.of("message", "Hello from us", "acceptedTerms", TERMS)), 201);
		}

		String status() {
			return json(call("GET", "/api/v1/vendor/introductions", null), 200).get(0).get("status").asString();
		}
	}

	Introducer introducer(String... categories) {
		HubClient admin = Hub.vendorAdmin(port, "Introducer " + UUID.randomUUID().toString().substring(0, 6),
				Hub.uniqueEmail("vendor"));
		String token = Hub.clientToken(port, admin, "messages:write", "relationships:read", "intents:read",
				"events:read");
		Introducer vendor = new Introducer(port, json(admin.get("/api/v1/vendor/profile"), 200).get("id").asString(),
				token);
		json(vendor.call("POST", "/api/v1/vendor/subscriptions",
				Map.of("name", "interests", "categories", List.of(categories), "acceptedTerms", TERMS)), 201);
		return vendor;
	}

	static String interest(Person person, String category) {
		return json(
				person.client()
					.sendJson("POST", "/api/v1/me/interests",
							JSON.writeValueAsString(Map.of("category", category, "region", "NL", "budgetMin", 20,
									"budgetMax", 900, "currency", "EUR", "description", "Looking around",
									"introductions", true, "perMonth", 5))),
				201)
			.get("ref")
			.asString();
	}

	@Test
	void introductionsAreDeclinedByCategoryOrForUnverifiedVendors() {
		Person ann = person();
		ann.policy("decline-introductions", Map.of("categories", List.of("travel")));
		String boats = interest(ann, "travel.accommodation");
		String phones = interest(ann, "telecom");
		Introducer charter = introducer("travel");
		Introducer telco = introducer("telecom");

		charter.introduce(boats);
		telco.introduce(phones);

		assertThat(charter.status()).isEqualTo("IGNORED");
		assertThat(telco.status()).as("near miss: another category").isEqualTo("PENDING");
		List<JsonNode> waiting = ann.decisions()
			.valueStream()
			.filter(d -> d.get("type").asString().equals("introduction"))
			.toList();
		assertThat(waiting).hasSize(1);
		assertThat(waiting.get(0).get("facts").get("category").asString()).isEqualTo("telecom");
		assertThat(ann.actions().get("counts").get("decline-introductions/declined").asLong()).isEqualTo(1);

		Person bob = person();
		bob.policy("decline-introductions", Map.of("unverified", true));
		String bobs = interest(bob, "telecom");
		Introducer unknown = introducer("telecom");
		Introducer known = introducer("telecom");
		String operatorEmail = Hub.uniqueEmail("operator");
		accounts.register(new NewAccount(operatorEmail, "Op", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		HubClient operator = Hub.signIn(port, operatorEmail, Hub.PASSWORD);
		assertThat(operator
			.sendJson("PUT", "/api/v1/operator/vendors/" + known.id() + "/verification",
					"{\"verification\":\"VERIFIED\"}")
			.status()).isEqualTo(200);

		unknown.introduce(bobs);
		known.introduce(bobs);
		assertThat(unknown.status()).isEqualTo("IGNORED");
		assertThat(known.status()).as("near miss: a verified vendor").isEqualTo("PENDING");
		assertThat(bob.decided("introduction")).hasSize(1);
		assertThat(json(bob.client().get("/api/v1/me/audit"), 200).findValuesAsString("action"))
			.contains("policy-declined");
	}

	// --- ask-market ---

	@Test
	void aContractNearItsNoticeDeadlineBecomesADraftIntentForItsCategory() {
		Person ann = person();
		ann.policy("ask-market", Map.of());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String near = json(
				ann.client()
					.sendJson("POST", "/api/v1/me/contracts",
							JSON.writeValueAsString(Map.of("title", "Mobile plan", "counterparty", "Proximus", "end",
									today.plusDays(70).toString(), "noticeDays", 30, "category", "telecom.mobile"))),
				201)
			.get("id")
			.asString();
		json(ann.client()
			.sendJson("POST", "/api/v1/me/contracts", JSON.writeValueAsString(Map.of("title", "Energy", "counterparty",
					"Engie", "end", today.plusDays(130).toString(), "noticeDays", 30, "category", "energy"))),
				201);

		steward.sweep();
		steward.sweep();

		JsonNode intents = json(ann.client().get("/api/v1/me/intents"), 200);
		assertThat(intents).as("one draft, for the near contract only").hasSize(1);
		JsonNode draft = intents.get(0);
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("category").asString()).isEqualTo("telecom.mobile");
		assertThat(draft.toString()).doesNotContain("Proximus");
		String intentId = draft.get("id").asString();
		assertThat(ann.decided("intent-draft")).containsExactly(intentId);
		JsonNode actions = ann.actions();
		assertThat(actions.get("counts").get("ask-market/drafted").asLong()).isEqualTo(1);
		JsonNode action = actions.get("actions").get(0);
		assertThat(action.get("subject").asString()).isEqualTo("contract:" + near);

		ann.undo(action.get("id").asString(), 200);
		assertThat(json(ann.client().get("/api/v1/me/intents/" + intentId), 200).get("state").asString())
			.isEqualTo("WITHDRAWN");
		assertThat(ann.decided("intent-draft")).isEmpty();
		steward.sweep();
		assertThat(json(ann.client().get("/api/v1/me/intents"), 200)).as("acts once per contract").hasSize(1);
	}

	@Test
	void aContractFarFromItsDeadlineIsLeftAlone() {
		Person ann = person();
		json(ann.client()
			.sendJson("POST", "/api/v1/me/contracts",
					JSON.writeValueAsString(Map.of("title", "Internet", "counterparty", "Telenet", "end",
							LocalDate.now(ZoneOffset.UTC).plusDays(130).toString(), "noticeDays", 30, "category",
							"telecom.internet"))),
				201);
		ann.policy("ask-market", Map.of());

		steward.sweep();

		assertThat(json(ann.client().get("/api/v1/me/intents"), 200)).isEmpty();
		assertThat(ann.actions().get("actions")).isEmpty();
	}

	// --- shortlist-intents ---

	static String publish(Person person) {
		return json(
				person.client()
					.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(Market.holiday())),
				201)
			.get("id")
			.asString();
	}

	static String refOf(Person person, String intentId) {
		return json(person.client().get("/api/v1/me/intents/" + intentId), 200).get("ref").asString();
	}

	Bidder bidder(String name) {
		Bidder bidder = Market.bidder(port, name);
		bidder.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		return bidder;
	}

	static Map<String, Boolean> fit(boolean transport, boolean border, boolean accommodation, boolean sea,
			boolean pass) {
		Map<String, Boolean> fit = new LinkedHashMap<>();
		fit.put("transport", transport);
		fit.put("border-crossing", border);
		fit.put("accommodation", accommodation);
		fit.put("near-sea", sea);
		fit.put("rail-pass-held", pass);
		return fit;
	}

	static String offer(Bidder bidder, String ref, int price, Map<String, Boolean> fit) {
		bidder.agree(ref);
		return Market.json(bidder.offer(ref, Market.offer(price, "EUR", fit)), 201).get("id").asString();
	}

	@Test
	void anIntentWithEnoughOffersIsShortlistedAndTheBestThreeWaitForThePerson() {
		Person ann = person();
		ann.policy("shortlist-intents", Map.of("offers", 4));
		List<Bidder> bidders = List.of(bidder("All"), bidder("Cheap all"), bidder("Pricey"), bidder("Partial"));
		Bidder late = bidder("Late");
		String busy = publish(ann);
		String quiet = publish(ann);
		String busyRef = refOf(ann, busy);
		String quietRef = refOf(ann, quiet);
		String all = offer(bidders.get(0), busyRef, 3400, fit(true, true, true, true, true));
		String cheapAll = offer(bidders.get(1), busyRef, 3000, fit(true, true, true, true, false));
		String pricey = offer(bidders.get(2), busyRef, 3300, fit(true, true, true, true, false));
		offer(bidders.get(3), busyRef, 2000, fit(true, false, true, true, true));
		offer(late, quietRef, 2500, fit(true, true, true, true, true));
		late.agree(busyRef);

		steward.sweep();

		JsonNode shortlisted = json(ann.client().get("/api/v1/me/intents/" + busy), 200);
		assertThat(shortlisted.get("offersClosedAt").isNull()).isFalse();
		assertThat(shortlisted.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(json(ann.client().get("/api/v1/me/intents/" + quiet), 200).get("offersClosedAt").isNull())
			.as("near miss: one offer")
			.isTrue();
		HttpResponse<String> refused = late.offer(busyRef,
				Market.offer(1000, "EUR", fit(true, true, true, true, true)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

		JsonNode item = ann.decisions()
			.valueStream()
			.filter(d -> d.get("item").asString().equals("offers:" + busy))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("facts").get("shortlisted").asBoolean()).isTrue();
		assertThat(item.get("facts").get("offers").asInt()).isEqualTo(4);
		assertThat(item.get("facts").get("best").findValuesAsString("offerId")).containsExactly(all, cheapAll, pricey);
		assertThat(item.get("choices").findValuesAsString("name")).containsExactly("compare", "accept", "accept",
				"accept");
		assertThat(item.get("choices").findValuesAsString("href"))
			.contains("/api/v1/me/intents/" + busy + "/offers/" + all + "/accept");
		assertThat(ann.decided("offers")).containsExactlyInAnyOrder(busy, quiet);
		JsonNode actions = ann.actions();
		assertThat(actions.get("counts").get("shortlist-intents/shortlisted").asLong()).isEqualTo(1);
		JsonNode action = actions.get("actions").get(0);
		assertThat(action.get("subject").asString()).isEqualTo("intent:" + busy);

		ann.undo(action.get("id").asString(), 200);
		assertThat(json(ann.client().get("/api/v1/me/intents/" + busy), 200).get("offersClosedAt").isNull()).isTrue();
		Market.json(late.offer(busyRef, Market.offer(1000, "EUR", fit(true, true, true, true, true))), 201);
		steward.sweep();
		assertThat(json(ann.client().get("/api/v1/me/intents/" + busy), 200).get("offersClosedAt").isNull())
			.as("undone stays undone")
			.isTrue();
	}

	// --- archive-messages ---

	@Test
	void oldMessagesAreArchivedAndComeBackOnUndo() {
		Person ann = person();
		HubClient admin = Hub.vendorAdmin(port, "Writer " + UUID.randomUUID().toString().substring(0, 6),
				Hub.uniqueEmail("vendor"));
		String vendorId = json(admin.get("/api/v1/vendor/profile"), 200).get("id").asString();
		String token = Hub.clientToken(port, admin, "messages:write");
		String ref = json(
				ann.client().sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId + "\"}"), 201)
			.get("customerRef")
			.asString();
		String old = message(token, ref, "Your tariff of last year");
		String recent = message(token, ref, "Your new tariff");
		jdbc.sql("UPDATE mailbox_message SET sent_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(100), UUID.fromString(old))
			.update();
		jdbc.sql("UPDATE mailbox_message SET sent_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(80), UUID.fromString(recent))
			.update();
		ann.policy("archive-messages", Map.of());

		steward.sweep();

		assertThat(json(ann.client().get("/api/v1/me/inbox"), 200).findValuesAsString("id")).containsExactly(recent);
		assertThat(json(ann.client().get("/api/v1/me/inbox?archived=true"), 200).findValuesAsString("id"))
			.containsExactly(old);
		JsonNode actions = ann.actions();
		assertThat(actions.get("counts").get("archive-messages/archived").asLong()).isEqualTo(1);
		JsonNode action = actions.get("actions").get(0);
		assertThat(action.get("subject").asString()).isEqualTo("messages:1");
		steward.sweep();
		assertThat(ann.actions().get("actions")).as("nothing more to archive").hasSize(1);

		ann.undo(action.get("id").asString(), 200);
		assertThat(json(ann.client().get("/api/v1/me/inbox"), 200).findValuesAsString("id"))
			.containsExactlyInAnyOrder(old, recent);
		assertThat(json(ann.client().get("/api/v1/me/audit"), 200).findValuesAsString("action"))
			.contains("policy-archived", "policy-undone");
	}

	String message(String token, String ref, String subject) {
		return json(Hub.withToken(port, token, "POST", "/api/v1/vendor/relationships/" + ref + "/messages",
				"application/json", JSON.writeValueAsString(Map.of("subject", subject, "body", "Details inside."))
					.getBytes(StandardCharsets.UTF_8)),
				201)
			.get("id")
			.asString();
	}

	// --- one person's policies are theirs alone ---

	@Test
	void noPersonReadsChangesOrUndoesAnothersPoliciesAndPoliciesActOnlyForTheirOwner() {
		Person ann = personWithRecords();
		Person bob = personWithRecords();
		keepServiceShare(ann, BILLING_FIELDS);
		keepServiceShare(bob, BILLING_FIELDS);
		String annsPolicy = ann.policy("approve-requests", approveBilling(BILLING_FIELDS)).get("id").asString();
		Seller annsShop = seller(ann, "FAVOURITE");
		annsShop.asked(List.of("email.address"), "billing", 30);
		String annsAction = ann.actions().get("actions").get(0).get("id").asString();

		assertThat(bob.client().get("/api/v1/me/policies/" + annsPolicy).status()).isEqualTo(404);
		assertThat(bob.client().sendJson("PUT", "/api/v1/me/policies/" + annsPolicy, "{\"enabled\":false}").status())
			.isEqualTo(404);
		assertThat(bob.client().sendJson("DELETE", "/api/v1/me/policies/" + annsPolicy, null).status()).isEqualTo(404);
		assertThat(bob.client().sendJson("POST", "/api/v1/me/policies/actions/" + annsAction + "/undo", null).status())
			.isEqualTo(404);
		assertThat(json(bob.client().get("/api/v1/me/policies"), 200)).isEmpty();
		assertThat(bob.actions().get("actions")).isEmpty();
		assertThat(json(ann.client().get("/api/v1/me/policies/" + annsPolicy), 200).get("enabled").asBoolean())
			.isTrue();
		assertThat(json(ann.client().get("/api/v1/me/policies/actions"), 200).toString()).contains(annsAction);

		// Bob's favourite vendor asks exactly what Ann's policy approves: Bob decides
		Seller bobsShop = seller(bob, "FAVOURITE");
		String bobsRequest = bobsShop.asked(List.of("email.address"), "billing", 30);
		assertThat(bobsShop.state(bobsRequest)).isEqualTo("PENDING");
		assertThat(bob.decided("data-request")).containsExactly(bobsRequest);
		assertThat(ann.decided("data-request")).isEmpty();
		assertThat(json(ann.client().get("/api/v1/me/policies/" + annsPolicy), 200).get("fired").asLong()).isEqualTo(1);

		// switched off, then deleted: nothing more is approved, and what it did stays
		json(ann.client().sendJson("PUT", "/api/v1/me/policies/" + annsPolicy, "{\"enabled\":false}"), 200);
		Seller second = seller(ann, "FAVOURITE");
		assertThat(second.state(second.asked(List.of("email.address"), "billing", 30))).isEqualTo("PENDING");
		assertThat(ann.client().sendJson("DELETE", "/api/v1/me/policies/" + annsPolicy, null).status()).isEqualTo(204);
		assertThat(ann.client().get("/api/v1/me/policies/" + annsPolicy).status()).isEqualTo(404);
		JsonNode kept = ann.actions().get("actions");
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).get("policyId").isNull()).isTrue();
	}

	// --- bad input ---

	@Test
	void badPoliciesAreRefusedNamingTheFieldAndNothingIsSaved() {
		Person ann = person();
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("kind", "{\"kind\":\"approve-everything\",\"rule\":{}}");
		refusals.put("fields",
				"{\"kind\":\"approve-requests\",\"rule\":{\"fields\":[\"email.shoe-size\"],\"purposes\":[\"billing\"]}}");
		refusals.put("fields ", "{\"kind\":\"approve-requests\",\"rule\":{\"fields\":[],\"purposes\":[\"billing\"]}}");
		refusals.put("maxDays",
				"{\"kind\":\"approve-requests\",\"rule\":{\"fields\":[\"email.address\"],\"purposes\":[\"billing\"],\"maxDays\":0}}");
		refusals.put("purposes", "{\"kind\":\"decline-requests\",\"rule\":{\"purposes\":[\"nosiness\"]}}");
		refusals.put("purposes ", "{\"kind\":\"decline-requests\",\"rule\":{}}");
		refusals.put("categories", "{\"kind\":\"decline-introductions\",\"rule\":{\"categories\":[\"space-travel\"]}}");
		refusals.put("categories ", "{\"kind\":\"decline-introductions\",\"rule\":{}}");
		refusals.put("days", "{\"kind\":\"archive-messages\",\"rule\":{\"days\":0}}");
		refusals.put("offers", "{\"kind\":\"shortlist-intents\",\"rule\":{\"offers\":0}}");
		refusals.forEach((field, body) -> {
			HubClient.Response refused = ann.client().sendJson("POST", "/api/v1/me/policies", body);
			assertThat(refused.status()).as(body).isEqualTo(422);
			assertThat(refused.header("Content-Type")).contains("application/problem+json");
			assertThat(refused.body()).as(body)
				.contains("\"field\":\"" + field.strip() + "\"")
				.doesNotContain("Exception");
		});
		assertThat(ann.client().sendJson("POST", "/api/v1/me/policies", "{\"kind\":").status()).isEqualTo(400);
		assertThat(json(ann.client().get("/api/v1/me/policies"), 200)).isEmpty();

		JsonNode archive = ann.policy("archive-messages", Map.of());
		assertThat(archive.get("rule").get("days").asInt()).as("the default").isEqualTo(90);
		assertThat(archive.get("fired").asLong()).isZero();
		String id = archive.get("id").asString();
		HubClient.Response badChange = ann.client()
			.sendJson("PUT", "/api/v1/me/policies/" + id, "{\"rule\":{\"days\":4000}}");
		assertThat(badChange.status()).isEqualTo(422);
		assertThat(json(ann.client().get("/api/v1/me/policies/" + id), 200).get("rule").get("days").asInt())
			.isEqualTo(90);
		assertThat(ann.client().get("/api/v1/me/policies/actions?days=0").status()).isEqualTo(422);
		assertThat(ann.client()
			.sendJson("POST", "/api/v1/me/policies/actions/" + UUID.randomUUID() + "/undo", null)
			.status()).isEqualTo(404);
	}

	// --- helpers ---

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
