package org.openvrm.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.assertProblem;
import static org.openvrm.mailbox.Correspondents.json;

@HubTest
class MailboxIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVendorsMessageArrivesSealedAndThePersonReadsSearchesRepliesAndArchives() {
		Person ann = Correspondents.person(port);
		Vendor telco = Correspondents.vendor(port, "Telco");
		Relation relation = Correspondents.relate(ann, telco);

		JsonNode sent = json(
				telco.call("POST", "/api/v1/vendor/relationships/" + relation.ref() + "/messages",
						Map.of("subject", "Your new tariff", "body", "From March your plan costs 12 euros a month.")),
				201);
		assertThat(sent.get("from").asString()).isEqualTo("vendor");
		UUID id = UUID.fromString(sent.get("id").asString());
		// Sealed as it arrived: the hub holds nothing readable of it.
		byte[] sealed = jdbc.sql("SELECT sealed FROM mailbox_message WHERE id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("tariff").doesNotContain("12 euros");

		JsonNode inbox = json(ann.client().get("/api/v1/me/inbox"), 200);
		assertThat(inbox.findValuesAsString("body")).containsExactly("From March your plan costs 12 euros a month.");
		assertThat(inbox.get(0).get("vendorName").asString()).isEqualTo(telco.name());
		// opened once: now under the vault key, no longer sealed, and still unreadable to
		// the hub
		assertThat(
				jdbc.sql("SELECT count(*) FROM mailbox_message WHERE id = ? AND sealed IS NULL AND content IS NOT NULL")
					.param(id)
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(json(ann.client().get("/api/v1/me/inbox?q=TARIFF"), 200)).hasSize(1);
		assertThat(json(ann.client().get("/api/v1/me/inbox?q=holiday"), 200)).isEmpty();

		JsonNode channels = json(ann.client().get("/api/v1/me/channels"), 200);
		assertThat(channels.get(0).get("unread").asLong()).isEqualTo(1);
		json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200);
		assertThat(json(ann.client().get("/api/v1/me/channels"), 200).get(0).get("unread").asLong()).isZero();

		json(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages",
					"{\"body\":\"Thanks, and please send the new contract.\"}"),
				201);
		JsonNode thread = json(telco.call("GET", "/api/v1/vendor/relationships/" + relation.ref() + "/messages", null),
				200);
		assertThat(thread.findValuesAsString("from")).containsExactly("vendor", "person");
		assertThat(thread.get(0).get("body").isNull()).as("the vendor's own words are not kept readable").isTrue();
		assertThat(thread.get(1).get("body").asString()).isEqualTo("Thanks, and please send the new contract.");
		assertThat(json(telco.call("GET", "/api/v1/vendor/events?limit=50", null), 200).findValuesAsString("type"))
			.contains("message.received");

		assertThat(ann.client().sendJson("POST", "/api/v1/me/inbox/" + id + "/archive", null).status()).isEqualTo(204);
		assertThat(json(ann.client().get("/api/v1/me/inbox"), 200).findValuesAsString("body"))
			.containsExactly("Thanks, and please send the new contract.");
		assertThat(json(ann.client().get("/api/v1/me/inbox?archived=true"), 200).findValuesAsString("subject"))
			.containsExactly("Your new tariff");
	}

	@Test
	void contactBeyondThePersonsRulesIsRefusedWithTheReasonAndKeptOut() {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		json(ann.client()
			.sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":2,\"marketing\":false,\"digest\":false}"), 200);

		assertProblem(shop.write(relation.ref(), "marketing", "Black Friday: everything half price!"), 403,
				"marketing");
		json(shop.write(relation.ref(), "service", "Your order has shipped."), 201);
		json(shop.write(relation.ref(), "service", "Your order was delivered."), 201);
		var overRate = shop.write(relation.ref(), "service", "How did we do?");
		assertProblem(overRate, 429, "at most 2 messages");
		assertThat(Long.parseLong(overRate.headers().firstValue("Retry-After").orElseThrow())).isPositive();

		// a channel of its own with a higher limit lets one more through
		json(ann.client().sendJson("PUT", "/api/v1/me/channels/" + relation.id() + "/limit", "{\"perMonth\":3}"), 200);
		json(shop.write(relation.ref(), "service", "How did we do?"), 201);

		json(ann.client().sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/close", null), 200);
		assertProblem(shop.write(relation.ref(), "service", "Hello?"), 403, "closed this channel");
		assertThat(json(shop.call("GET", "/api/v1/vendor/events?limit=50", null), 200).findValuesAsString("type"))
			.contains("channel.closed");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages", "{\"body\":\"hi\"}")
			.raw(), 409, "reopen");
		json(ann.client().sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/reopen", null), 200);

		json(ann.client().sendJson("PATCH", "/api/v1/me/relationships/" + relation.id(), "{\"status\":\"BLOCKED\"}"),
				200);
		assertProblem(shop.write(relation.ref(), "service", "Hello?"), 403, "does not accept contact");

		Person bea = Correspondents.person(port);
		Relation ended = Correspondents.relate(bea, shop);
		json(bea.client().sendJson("POST", "/api/v1/me/relationships/" + ended.id() + "/end", null), 200);
		assertProblem(shop.write(ended.ref(), "service", "Come back!"), 403, "ended");

		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsExactlyInAnyOrder("marketing", "rate", "closed",
				"blocked");
		assertThat(keptOut.findValuesAsString("channel")).containsOnly("message");
		assertThat(keptOut.findValuesAsString("vendorName")).containsOnly(shop.name());
		assertThat(ann.client().get("/me/kept-out").body()).contains("over the rate you set")
			.contains("Sent a message");
		assertThat(json(bea.client().get("/api/v1/me/kept-out"), 200).findValuesAsString("reason"))
			.containsExactly("ended");
		assertThat(jdbc.sql("SELECT count(*) FROM mailbox_message WHERE relationship_id = ?")
			.param(UUID.fromString(relation.id()))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void badMessagesAreRefusedNamingTheProblemAndNothingIsKept() {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		assertProblem(shop.write(relation.ref(), "service", "   "), 422, "empty");
		assertProblem(shop.write(relation.ref(), "service", "x".repeat(5001)), 422, "5,000");
		assertProblem(shop.write(relation.ref(), "spam", "hello"), 422, "service or marketing");
		assertProblem(shop.call("POST", "/api/v1/vendor/relationships/" + relation.ref() + "/messages",
				Map.of("subject", "two\nlines", "body", "hello")), 422, "one line");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages", "{\"body\":\"\"}")
			.raw(), 422, "empty");
		assertProblem(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":1000}").raw(), 422,
				"0 to 100");
		assertThat(jdbc.sql("SELECT count(*) FROM mailbox_message WHERE relationship_id = ?")
			.param(UUID.fromString(relation.id()))
			.query(Long.class)
			.single()).isZero();

		// markup is kept as text and shown as text
		json(shop.write(relation.ref(), "service", "<script>alert('x')</script><b>bold</b>"), 201);
		String page = ann.client().get("/me/inbox/channels/" + relation.id()).body();
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;")
			.doesNotContain("<script>alert");
		assertThat(ann.client().get("/me/inbox").body()).doesNotContain("<script>alert").doesNotContain("<b>bold");
	}

	@Test
	void nobodyReachesAnotherPersonsMailboxOrAnotherVendorsChannel() {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Vendor rival = Correspondents.vendor(port, "Rival");
		Relation relation = Correspondents.relate(ann, shop);
		String id = json(shop.write(relation.ref(), "service", "For Ann only"), 201).get("id").asString();
		json(ann.client().get("/api/v1/me/inbox"), 200);

		assertThat(json(bea.client().get("/api/v1/me/inbox"), 200)).isEmpty();
		assertThat(bea.client().get("/api/v1/me/channels/" + relation.id()).status()).isEqualTo(404);
		assertThat(bea.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages", "{\"body\":\"hi\"}")
			.status()).isEqualTo(404);
		assertThat(bea.client().sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/close", null).status())
			.isEqualTo(404);
		assertThat(bea.client().sendJson("POST", "/api/v1/me/inbox/" + id + "/archive", null).status()).isEqualTo(404);
		assertThat(bea.client().get("/me/inbox/channels/" + relation.id()).status()).isEqualTo(404);

		assertThat(rival.write(relation.ref(), "service", "Switch to us").statusCode()).isEqualTo(404);
		assertThat(rival.call("GET", "/api/v1/vendor/relationships/" + relation.ref() + "/messages", null).statusCode())
			.isEqualTo(404);
		assertThat(rival.admin().get("/console/messages/" + relation.ref()).status()).isEqualTo(404);
		String withoutScope = Hub.clientToken(port, shop.admin(), "relationships:read");
		assertThat(Hub
			.withToken(port, withoutScope, "POST", "/api/v1/vendor/relationships/" + relation.ref() + "/messages",
					"application/json", "{\"body\":\"hi\"}".getBytes())
			.statusCode()).isEqualTo(403);
	}

}
