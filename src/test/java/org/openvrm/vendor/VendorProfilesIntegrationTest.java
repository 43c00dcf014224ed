package org.openvrm.vendor;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.openvrm.taxonomy.Taxonomy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class VendorProfilesIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Taxonomy taxonomy;

	static String profile(String name, String categories, String regions, String terms) {
		return """
				{"name":"%s","description":"Holiday flats by the sea","website":"https://%s.example",
				 "contact":"hello@example.org","categories":[%s],"regions":[%s],"acceptedTerms":[%s]}
				""".formatted(name, name.toLowerCase(Locale.ROOT).replace(' ', '-'), categories, regions, terms);
	}

	@Test
	void aVendorDescribesItselfAndPeopleFindItByCategoryRegionAndWords() {
		String name = "Azur Flats " + UUID.randomUUID().toString().substring(0, 6);
		HubClient admin = Hub.vendorAdmin(port, name, Hub.uniqueEmail("azur"));

		HubClient.Response saved = admin.sendJson("PUT", "/api/v1/vendor/profile",
				profile(name, "\"travel.accommodation\"", "\"FR-PAC\",\"FR-OCC\"", "\"SD-BASE\",\"NO-STALKING\""));

		assertThat(saved.status()).isEqualTo(200);
		String id = JSON.readTree(saved.body()).get("id").asString();
		HubClient anonymous = new HubClient(port);
		assertThat(ids(anonymous.get("/api/v1/vendors?category=travel").body())).as("a parent category finds it")
			.contains(id);
		assertThat(ids(anonymous.get("/api/v1/vendors?category=travel.accommodation&region=FR").body()))
			.as("a country finds its regions")
			.contains(id);
		assertThat(ids(anonymous.get("/api/v1/vendors?region=BE").body())).doesNotContain(id);
		assertThat(ids(anonymous.get("/api/v1/vendors?q=flats+by+the").body())).contains(id);
		assertThat(ids(anonymous.get("/api/v1/vendors?category=telecom").body())).doesNotContain(id);
		JsonNode one = JSON.readTree(anonymous.get("/api/v1/vendors/" + id).body());
		assertThat(one.get("verification").asString()).isEqualTo("UNVERIFIED");
		assertThat(one.get("acceptedTerms").toString()).isEqualTo("[\"SD-BASE\",\"NO-STALKING\"]");

		String page = new HubClient(port).get("/vendors/" + id).body();
		assertThat(page).contains(name).contains("Not verified").contains("Provence");
		assertThat(new HubClient(port).get("/vendors?category=travel.accommodation").body()).contains(name);
	}

	/**
	 * A script changes one field without sending the rest; the others stay, and a bad
	 * value names its field.
	 */
	@Test
	void aPatchChangesOnlyTheFieldsItNames() throws Exception {
		String name = "Patch Rentals " + UUID.randomUUID().toString().substring(0, 6);
		HubClient admin = Hub.vendorAdmin(port, name, Hub.uniqueEmail("patch"));
		admin.sendJson("PUT", "/api/v1/vendor/profile", profile(name, "\"travel.accommodation\"", "\"FR-PAC\"", ""));
		assertThat(admin.get("/console/profile").body()).as("explained on the spot, not first at a subscription's 422")
			.contains("id=\"no-terms\"")
			.contains("You accept no agreements yet");
		admin.sendJson("PATCH", "/api/v1/vendor/profile", "{\"acceptedTerms\":[\"SD-BASE\"]}");
		assertThat(admin.get("/console/profile").body()).doesNotContain("id=\"no-terms\"");

		HubClient.Response patched = admin.sendJson("PATCH", "/api/v1/vendor/profile",
				"{\"acceptedTerms\":[\"SD-BASE\",\"NO-STALKING\"]}");

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		JsonNode profile = JSON.readTree(patched.body());
		assertThat(profile.get("acceptedTerms").toString()).isEqualTo("[\"SD-BASE\",\"NO-STALKING\"]");
		assertThat(profile.get("name").asString()).isEqualTo(name);
		assertThat(profile.get("categories").toString()).isEqualTo("[\"travel.accommodation\"]");
		assertThat(profile.get("regions").toString()).isEqualTo("[\"FR-PAC\"]");
		HubClient.Response refused = admin.sendJson("PATCH", "/api/v1/vendor/profile",
				"{\"website\":\"ftp://example.org\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("\"field\":\"website\"");
		assertThat(JSON.readTree(admin.get("/api/v1/vendor/profile").body()).get("acceptedTerms").size()).isEqualTo(2);
	}

	@Test
	void anOperatorVerifiesAVendorAndVerifiedVendorsComeFirst() {
		HubClient admin = Hub.vendorAdmin(port);
		String id = JSON.readTree(admin.get("/api/v1/vendor/profile").body()).get("id").asString();
		String name = JSON.readTree(admin.get("/api/v1/vendor/profile").body()).get("name").asString();
		admin.sendJson("PUT", "/api/v1/vendor/profile", profile(name, "\"travel\"", "", ""));
		String email = Hub.uniqueEmail("operator");
		accounts.register(new NewAccount(email, "Op", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		HubClient operator = Hub.signIn(port, email, Hub.PASSWORD);

		assertThat(operator
			.sendJson("PUT", "/api/v1/operator/vendors/" + id + "/verification", "{\"verification\":\"VERIFIED\"}")
			.status()).isEqualTo(200);

		String directory = new HubClient(port).get("/api/v1/vendors").body();
		List<String> order = ids(directory);
		List<String> verification = JSON.readTree(directory).findValuesAsString("verification");
		assertThat(order).contains(id);
		assertThat(verification.subList(0, order.indexOf(id) + 1))
			.as("verified vendors come first (other tests verify some too)")
			.containsOnly("VERIFIED");
		assertThat(admin
			.sendJson("PUT", "/api/v1/operator/vendors/" + id + "/verification", "{\"verification\":\"VERIFIED\"}")
			.status()).as("a vendor cannot verify itself").isEqualTo(403);
		HubClient.Response page = operator.submit("/operator/vendors", "/operator/vendors/" + id + "/verification",
				Map.of("verification", "UNVERIFIED"));
		assertThat(page.location()).isEqualTo("/operator/vendors");
		assertThat(new HubClient(port).get("/api/v1/vendors/" + id).body()).contains("\"verification\":\"UNVERIFIED\"");

		operator.sendJson("PUT", "/api/v1/operator/vendors/" + id + "/verification", "{\"verification\":\"VERIFIED\"}");
		admin.sendJson("PUT", "/api/v1/vendor/profile", profile(name, "\"energy\"", "", ""));
		assertThat(new HubClient(port).get("/api/v1/vendors/" + id).body()).as("a new description keeps the check")
			.contains("\"verification\":\"VERIFIED\"");
		admin.sendJson("PUT", "/api/v1/vendor/profile", profile("Big Bank " + id.substring(0, 6), "", "", ""));
		assertThat(new HubClient(port).get("/api/v1/vendors/" + id).body()).as("a new name is checked again")
			.contains("\"verification\":\"UNVERIFIED\"");
	}

	@Test
	void badProfilesAreRefusedNamingTheFieldAndNothingIsHalfSaved() {
		String taken = "Taken Name " + UUID.randomUUID().toString().substring(0, 6);
		Hub.vendorAdmin(port, taken, Hub.uniqueEmail("taken"));
		String mine = "Mine " + UUID.randomUUID().toString().substring(0, 6);
		HubClient admin = Hub.vendorAdmin(port, mine, Hub.uniqueEmail("mine"));
		String before = admin.get("/api/v1/vendor/profile").body();

		Map<String, String> refusals = Map.of("name", profile(taken.toUpperCase(Locale.ROOT), "", "", ""), "website",
				profile(mine, "", "", "").replace("https://", "javascript:"), "categories",
				profile(mine, "\"travel.spaceflight\"", "", ""), "regions", profile(mine, "", "\"XX-YY\"", ""),
				"acceptedTerms", profile(mine, "", "", "\"SD-EVERYTHING\""));
		refusals.forEach((field, body) -> {
			HubClient.Response refused = admin.sendJson("PUT", "/api/v1/vendor/profile", body);
			assertThat(refused.status()).as(field).isEqualTo(422);
			assertThat(refused.body()).as(field).contains("\"field\":\"" + field + "\"");
		});
		String tooMany = String.join(",",
				taxonomy.categories().stream().limit(61).map(c -> "\"" + c.id() + "\"").toList());
		HubClient.Response refusedMany = admin.sendJson("PUT", "/api/v1/vendor/profile",
				profile(mine, tooMany, "", ""));
		assertThat(refusedMany.status()).isEqualTo(422);
		assertThat(refusedMany.body()).contains("\"field\":\"categories\"").contains("at most 60");
		assertThat(
				admin.sendJson("PUT", "/api/v1/vendor/profile", "{\"name\":\"" + mine + "\",\"acceptedTerms\":[null]}")
					.status())
			.as("a null in a list is bad input, not a crash")
			.isEqualTo(422);
		assertThat(admin.get("/api/v1/vendor/profile").body()).isEqualTo(before);
		assertThat(new HubClient(port).get("/api/v1/vendors?category=nope").status()).isEqualTo(422);

		HubClient.Response sameName = new HubClient(port).submit("/vendor/signup", "/vendor/signup",
				Map.of("organisationName", taken.toLowerCase(Locale.ROOT), "email", Hub.uniqueEmail("copy"),
						"displayName", "C", "password", Hub.PASSWORD));
		assertThat(sameName.body()).contains("Another vendor already has this name");
	}

	@Test
	void aLogoMustBeASmallImageAndOnlyAdminsChangeTheProfile() {
		HubClient admin = Hub.vendorAdmin(port);
		String id = JSON.readTree(admin.get("/api/v1/vendor/profile").body()).get("id").asString();

		assertThat(admin.sendBytes("PUT", "/api/v1/vendor/profile/logo", "image/png", PNG).status()).isEqualTo(204);
		HubClient.Response logo = new HubClient(port).get("/vendors/" + id + "/logo");
		assertThat(logo.status()).isEqualTo(200);
		assertThat(logo.raw().headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");

		HubClient.Response html = admin.sendBytes("PUT", "/api/v1/vendor/profile/logo", "image/png",
				"<svg onload=alert(1)>".getBytes());
		assertThat(html.status()).isEqualTo(422);
		byte[] huge = Arrays.copyOf(PNG, 300 * 1024);
		assertThat(admin.sendBytes("PUT", "/api/v1/vendor/profile/logo", "image/png", huge).status()).isEqualTo(413);
		assertThat(new HubClient(port).getBytes("/vendors/" + id + "/logo").body()).isEqualTo(PNG);

		HubClient agent = agentOf(admin);
		assertThat(agent.get("/api/v1/vendor/profile").body()).contains(id);
		assertThat(agent.sendJson("PUT", "/api/v1/vendor/profile", profile("Agent Rename", "", "", "")).status())
			.isEqualTo(403);
		assertThat(agent.sendBytes("PUT", "/api/v1/vendor/profile/logo", "image/png", PNG).status()).isEqualTo(403);
	}

	@Test
	void vendorXChangesOnlyItsOwnProfile() {
		HubClient x = Hub.vendorAdmin(port);
		HubClient y = Hub.vendorAdmin(port);
		String yBefore = y.get("/api/v1/vendor/profile").body();
		String xName = JSON.readTree(x.get("/api/v1/vendor/profile").body()).get("name").asString();

		assertThat(x.sendJson("PUT", "/api/v1/vendor/profile", profile(xName, "\"energy\"", "\"BE\"", "")).status())
			.isEqualTo(200);

		assertThat(y.get("/api/v1/vendor/profile").body()).isEqualTo(yBefore);
		assertThat(x.get("/api/v1/vendor/profile").body()).contains("\"energy\"");
	}

	private HubClient agentOf(HubClient admin) {
		HubClient.Response invited = admin.submit("/console", "/console/invitations",
				Map.of("email", Hub.uniqueEmail("agent"), "role", "AGENT"));
		Matcher link = Pattern.compile("id=\"invitation-link\">[^<]*/invitation#([A-Za-z0-9_-]+)<")
			.matcher(invited.body());
		assertThat(link.find()).isTrue();
		HubClient agent = new HubClient(port);
		agent.submit("/invitation", "/invitation",
				Map.of("code", link.group(1), "displayName", "Agent", "password", Hub.PASSWORD));
		return agent;
	}

	@Test
	void theDirectoryComesInPagesLinkedByACursor() {
		String tag = "Pager" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 5; i++) {
			HubClient admin = Hub.vendorAdmin(port, tag + " " + i, Hub.uniqueEmail("pager"));
			admin.sendJson("PUT", "/api/v1/vendor/profile", profile(tag + " " + i, "", "", ""));
		}
		HubClient anonymous = new HubClient(port);
		List<String> seen = new ArrayList<>();
		String next = "/api/v1/vendors?q=" + tag + "&limit=2";
		int pages = 0;
		while (next != null) {
			HubClient.Response page = anonymous.get(next);
			assertThat(page.status()).isEqualTo(200);
			seen.addAll(JSON.readTree(page.body()).findValuesAsString("name"));
			String link = page.header("Link");
			next = link == null ? null : link.substring(link.indexOf("/api/v1/vendors"), link.indexOf('>'));
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactly(tag + " 0", tag + " 1", tag + " 2", tag + " 3", tag + " 4");
		assertThat(anonymous.get("/api/v1/vendors?limit=0").status()).isEqualTo(422);
		assertThat(anonymous.get("/api/v1/vendors?after=not-a-cursor").body()).contains("\"field\":\"after\"");
	}

	private static List<String> ids(String json) {
		return JSON.readTree(json).findValuesAsString("id");
	}

}
