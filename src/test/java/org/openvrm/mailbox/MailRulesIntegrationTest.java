package org.openvrm.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.alias;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * The person's rules of contact applied to real mail over SMTP: one rate per channel for
 * mail and API messages, closed channels, marketing as the person chose; refused mail
 * counted per address, and the figures each address shows.
 */
@HubTest
class MailRulesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void mailAndApiMessagesShareTheChannelsRate() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor telco = Correspondents.vendor(port, "Telco");
		Relation relation = Correspondents.relate(ann, telco);
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":3}"), 200);
		String address = alias(ann, relation.id()).get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());

		assertThat(telco.write(relation.ref(), "service", "Your bill is ready").statusCode()).isEqualTo(201);
		assertThat(sender.send(text(sender, address, "first mail"))).isEqualTo(250);
		assertThat(sender.send(text(sender, address, "second mail"))).isEqualTo(250);
		// The window frees a place only in 30 days, long after senders give up:
		// permanent.
		assertThat(sender.send(text(sender, address, "third mail"))).isEqualTo(550);
		assertThat(telco.write(relation.ref(), "service", "One more").statusCode()).isEqualTo(429);

		// As if the three had come 27 days ago: a place frees in 3 days, while the
		// sender still retries, so the refusal is temporary and the message comes later.
		jdbc.update("UPDATE mailbox_message SET sent_at = sent_at - INTERVAL '27' DAY WHERE relationship_id = ?",
				UUID.fromString(relation.id()));
		assertThat(sender.send(text(sender, address, "fourth mail"))).isEqualTo(450);

		// A channel that takes nothing at all refuses for good.
		json(ann.client().sendJson("PUT", "/api/v1/me/channels/" + relation.id() + "/limit", "{\"perMonth\":0}"), 200);
		assertThat(sender.send(text(sender, address, "fifth mail"))).isEqualTo(550);

		// The API message over the rate is one entry; the three mails count in one
		// (two if an hour began between them).
		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsOnly("rate");
		assertThat(attempts(keptOut, "message")).isEqualTo(1);
		assertThat(attempts(keptOut, "mail")).isEqualTo(3);
		assertThat(keptOut.size()).isBetween(2, 3);
		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200)).hasSize(3);
	}

	@Test
	void aClosedChannelRefusesMailToo() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		String address = alias(ann, relation.id()).get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());
		json(ann.client().sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/close", null), 200);

		assertThat(sender.sendRaw(address, "Subject: hi\r\n\r\nAre you there?\r\n".getBytes())).containsExactly(250,
				250, 550);
		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsExactly("closed");
		assertThat(keptOut.findValuesAsString("channel")).containsExactly("mail");
	}

	@Test
	void marketingFollowsThePersonsChoice() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		String address = alias(ann, relation.id()).get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());

		// Not welcome (the default): refused after the data, for good.
		assertThat(sender.send(newsletter(sender, address, "Winter sale"))).isEqualTo(550);
		MimeMessage bulk = text(sender, address, "Spring sale");
		bulk.setHeader("Precedence", "bulk");
		assertThat(sender.send(bulk)).isEqualTo(550);
		assertThat(sender.send(text(sender, address, "Your order has shipped"))).isEqualTo(250);

		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"marketing\":true}"), 200);
		assertThat(sender.send(newsletter(sender, address, "Summer sale"))).isEqualTo(250);

		JsonNode thread = json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200);
		assertThat(thread).hasSize(2);
		for (JsonNode message : thread) {
			assertThat(message.get("kind").asString()).as(message.get("subject").asString())
				.isEqualTo(message.get("subject").asString().contains("sale") ? "MARKETING" : "SERVICE");
		}
		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsOnly("marketing");
		assertThat(attempts(keptOut, "mail")).isEqualTo(2);
	}

	@Test
	void concurrentDeliveriesCannotPassTheRateTogether() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":3}"), 200);
		String address = alias(ann, relation.id()).get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> sent = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				MimeMessage message = text(sender, address, "at once " + i);
				sent.add(pool.submit(() -> sender.send(message)));
			}
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> one : sent) {
				codes.add(one.get());
			}
			assertThat(codes).filteredOn(code -> code == 250).hasSize(3);
			assertThat(codes).allMatch(code -> code == 250 || code == 450 || code == 550);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200)).hasSize(3);
	}

	@Test
	void aFloodAtAClosedAddressStaysAFewCountedRows() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		JsonNode alias = alias(ann, relation.id());
		String address = alias.get("address").asString();
		json(ann.client()
			.sendJson("POST",
					"/api/v1/me/relationships/" + relation.id() + "/aliases/" + alias.get("id").asString() + "/close",
					null),
				200);
		// Its own loopback address: the throttle counts per sending address.
		SmtpSender flood = new SmtpSender(smtp.port(), "127.0.0.9");
		byte[] message = "Subject: buy\r\n\r\nBuy now!\r\n".getBytes();
		int refused = 0;
		int turnedAway = 0;
		for (int i = 0; i < 500; i++) {
			List<Integer> codes = flood.sendRaw(address, message);
			if (codes.equals(List.of(250, 250, 550))) {
				refused++;
			}
			else if (codes.equals(List.of(421))) {
				turnedAway++;
			}
		}
		// 200 refusals a minute in the tests' configuration (the bucket refills while
		// the loop runs), then the sender is turned away at the door with 421, before
		// anything is looked up or written.
		assertThat(refused).isBetween(200, 300);
		assertThat(turnedAway).isEqualTo(500 - refused);

		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.size()).as("one row per hour").isBetween(1, 2);
		assertThat(attempts(keptOut, "mail")).isEqualTo(refused);
		assertThat(ann.client().get("/me/kept-out").body()).contains("tries");
		assertThat(aliases(ann, relation.id()).get(0).get("figures").get("refused").get("alias-closed").asLong())
			.isEqualTo(refused);
		// Mail from other senders still gets its answer.
		assertThat(new SmtpSender(smtp.port()).sendRaw(address, message)).containsExactly(250, 250, 550);
	}

	@Test
	void eachAddressShowsWhatCameAndWhatWasRefusedToItsPersonOnly() throws Exception {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":2}"), 200);
		JsonNode first = alias(ann, relation.id());
		JsonNode second = alias(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		assertThat(sender.send(text(sender, first.get("address").asString(), "one"))).isEqualTo(250);
		assertThat(sender.send(newsletter(sender, first.get("address").asString(), "Sale"))).isEqualTo(550);
		assertThat(sender.send(text(sender, second.get("address").asString(), "two"))).isEqualTo(250);
		assertThat(sender.send(text(sender, first.get("address").asString(), "three"))).isEqualTo(550);
		assertThat(sender.send(text(sender, first.get("address").asString(), "four"))).isEqualTo(550);

		JsonNode aliases = aliases(ann, relation.id());
		JsonNode firstFigures = aliases.get(0).get("figures");
		assertThat(firstFigures.get("received").asLong()).isEqualTo(1);
		assertThat(firstFigures.get("lastReceived").isNull()).isFalse();
		assertThat(firstFigures.get("refused").get("marketing").asLong()).isEqualTo(1);
		assertThat(firstFigures.get("refused").get("rate").asLong()).isEqualTo(2);
		JsonNode secondFigures = aliases.get(1).get("figures");
		assertThat(secondFigures.get("received").asLong()).isEqualTo(1);
		assertThat(secondFigures.get("refused").size()).isZero();
		assertThat(ann.client().get("/me/vendors/" + relation.id()).body()).contains("1 received")
			.contains("3 refused")
			.contains("over the rate you set");

		// Bea, with her own address for the same vendor, sees none of it, nor Ann's.
		Relation beas = Correspondents.relate(bea, shop);
		JsonNode beasAlias = alias(bea, beas.id());
		assertThat(beasAlias.get("figures").get("received").asLong()).isZero();
		assertThat(beasAlias.get("figures").get("refused").size()).isZero();
		assertThat(bea.client().get("/api/v1/me/relationships/" + relation.id() + "/aliases").status()).isEqualTo(404);
		assertThat(bea.client().get("/me/vendors/" + relation.id()).status()).isEqualTo(404);
		assertThat(json(bea.client().get("/api/v1/me/kept-out"), 200)).isEmpty();
	}

	private static int attempts(JsonNode keptOut, String channel) {
		int all = 0;
		for (JsonNode entry : keptOut) {
			all += entry.get("channel").asString().equals(channel) ? entry.get("attempts").asInt() : 0;
		}
		return all;
	}

	private static JsonNode aliases(Person person, String relationshipId) {
		return json(person.client().get("/api/v1/me/relationships/" + relationshipId + "/aliases"), 200);
	}

	private static MimeMessage text(SmtpSender sender, String to, String body) throws Exception {
		MimeMessage message = new MimeMessage(sender.session());
		message.setFrom(new InternetAddress("shop@sender.example", "A Shop"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject(body, "UTF-8");
		message.setText(body, "UTF-8");
		return message;
	}

	/** A newsletter as bulk mailers send it: with a one-click unsubscribe (RFC 8058). */
	private static MimeMessage newsletter(SmtpSender sender, String to, String subject) throws Exception {
		MimeMessage message = text(sender, to, subject);
		message.setHeader("List-Unsubscribe", "<https://news.shop.example/u/8f2a>, <mailto:leave@shop.example>");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return message;
	}

}
