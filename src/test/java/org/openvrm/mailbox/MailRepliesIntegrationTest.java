package org.openvrm.mailbox;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.RawStorage;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;
import org.openvrm.mailbox.OperatorsRelay.Relayed;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.alias;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * Replies through the person's address, out through a real SMTP relay (a second server in
 * the test) to the vendor that wrote by mail. The mail settings make a context of its
 * own, so it keeps to a schema of its own and is closed after the class.
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=mail_replies", "spring.flyway.schemas=mail_replies",
		"spring.datasource.hikari.schema=mail_replies", "spring.datasource.hikari.maximum-pool-size=5" })
class MailRepliesIntegrationTest {

	static final OperatorsRelay relay = new OperatorsRelay();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("mail_replies");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", relay::port);
	}

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theReplyLeavesFromTheAddressToTheVendorAndNothingOfThePerson() throws Exception {
		Person ann = Correspondents.person(port);
		String bookshop = offHub(ann, "Corner Bookshop");
		JsonNode alias = alias(ann, bookshop);
		String address = alias.get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());
		MimeMessage order = new MimeMessage(sender.session()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<order-42@books.example>");
			}
		};
		order.setFrom(new InternetAddress("orders@books.example", "Corner Bookshop"));
		order.setReplyTo(new InternetAddress[] { new InternetAddress("support@books.example") });
		order.setRecipient(RecipientType.TO, new InternetAddress(address));
		order.setSubject("Your order 42", "UTF-8");
		order.setText("Your three novels have shipped.", "UTF-8");
		order.setHeader("References", "<order-41@books.example>");
		assertThat(sender.send(order)).isEqualTo(250);
		int before = relay.received.size();

		JsonNode reply = json(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + bookshop + "/messages",
					"{\"body\":\"Where is my parcel of quinces?\"}"),
				201);
		assertThat(reply.get("subject").asString()).isEqualTo("Re: Your order 42");
		assertThat(reply.get("aliasId").asString()).isEqualTo(alias.get("id").asString());
		assertThat(relay.received).hasSize(before + 1);
		Relayed out = relay.received.get(before);
		assertThat(out.envelopeFrom()).isEqualTo(address);
		assertThat(out.recipients()).containsExactly("support@books.example");
		String text = out.text();
		assertThat(text).contains("From: " + address)
			.contains("To: support@books.example")
			.contains("In-Reply-To: <order-42@books.example>")
			.contains("References: <order-41@books.example> <order-42@books.example>")
			.contains("Subject: Re: Your order 42")
			.contains("Where is my parcel of quinces?");
		assertNothingOf(ann, text);
		// kept on the channel, under the vault key like every reply
		JsonNode thread = json(ann.client().get("/api/v1/me/channels/" + bookshop), 200);
		assertThat(thread).hasSize(2);
		assertThat(thread.get(1).get("incoming").asBoolean()).isFalse();
		assertThat(thread.get(1).get("body").asString()).contains("quinces");
		assertThat(RawStorage.whereFound(jdbc, "quinces")).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, "support@books.example")).as("the sender's address stays sealed")
			.isEmpty();

		// the web form answers the same way
		String page = ann.client().get("/me/inbox/channels/" + bookshop).body();
		assertThat(page).contains("reply-form").contains(address);
		String incoming = thread.get(0).get("id").asString();
		assertThat(ann.client()
			.submit("/me/inbox/channels/" + bookshop, "/me/inbox/channels/" + bookshop + "/messages",
					Map.of("inReplyTo", incoming, "body", "And the pears?"))
			.status()).isEqualTo(302);
		assertThat(relay.received).hasSize(before + 2);
		assertThat(relay.received.get(before + 1).text()).contains("And the pears?")
			.contains("In-Reply-To: <order-42@books.example>");
		assertNothingOf(ann, relay.received.get(before + 1).text());

		// the relay down: 503, nothing kept as sent
		relay.down = true;
		try {
			HubClient.Response down = ann.client()
				.sendJson("POST", "/api/v1/me/channels/" + bookshop + "/messages", "{\"body\":\"Lost?\"}");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.body()).contains("relay");
		}
		finally {
			relay.down = false;
		}
		assertThat(json(ann.client().get("/api/v1/me/channels/" + bookshop), 200)).hasSize(3);

		// a closed address sends nothing
		json(ann.client()
			.sendJson("POST",
					"/api/v1/me/relationships/" + bookshop + "/aliases/" + alias.get("id").asString() + "/close", null),
				200);
		HubClient.Response closed = ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + bookshop + "/messages", "{\"body\":\"Hello?\"}");
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.body()).contains("closed");
		assertThat(relay.received).hasSize(before + 2);
		assertThat(ann.client()
			.submit("/me/inbox/channels/" + bookshop, "/me/inbox/channels/" + bookshop + "/messages",
					Map.of("body", "Hello?"))
			.status()).isEqualTo(302);
		assertThat(relay.received).hasSize(before + 2);
	}

	@Test
	void aHubVendorsMailIsAnsweredByMailAndItsApiMessagesThroughTheApi() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		String address = alias(ann, relation.id()).get("address").asString();
		SmtpSender sender = new SmtpSender(smtp.port());
		MimeMessage mail = new MimeMessage(sender.session());
		mail.setFrom(new InternetAddress("news@shop.example"));
		mail.setRecipient(RecipientType.TO, new InternetAddress(address));
		mail.setSubject("Re: hello", "UTF-8");
		mail.setText("By mail", "UTF-8");
		assertThat(sender.send(mail)).isEqualTo(250);
		String mailId = json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).get(0).get("id").asString();
		int before = relay.received.size();

		json(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages", "{\"body\":\"Through the API\"}"),
				201);
		assertThat(relay.received).as("no inReplyTo on a hub channel: the API as before").hasSize(before);
		JsonNode byMail = json(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages",
					"{\"body\":\"By mail too\",\"inReplyTo\":\"" + mailId + "\"}"),
				201);
		assertThat(byMail.get("subject").asString()).isEqualTo("Re: hello");
		assertThat(relay.received).hasSize(before + 1);
		assertThat(relay.received.get(before).recipients()).containsExactly("news@shop.example");

		// another person can neither answer Ann's mail nor name it from their own channel
		Person bea = Correspondents.person(port);
		Relation beas = Correspondents.relate(bea, shop);
		assertThat(bea.client()
			.sendJson("POST", "/api/v1/me/channels/" + relation.id() + "/messages",
					"{\"body\":\"x\",\"inReplyTo\":\"" + mailId + "\"}")
			.status()).isEqualTo(404);
		assertThat(bea.client()
			.sendJson("POST", "/api/v1/me/channels/" + beas.id() + "/messages",
					"{\"body\":\"x\",\"inReplyTo\":\"" + mailId + "\"}")
			.status()).isEqualTo(404);
		assertThat(relay.received).hasSize(before + 1);
	}

	@Test
	void forwardingNeedsTheWarningAcknowledgedAndAProvedAddressAndNeverCostsTheMail() throws Exception {
		Person ann = Correspondents.person(port);
		String shop = offHub(ann, "Web Shop");
		JsonNode alias = alias(ann, shop);
		String address = alias.get("address").asString();
		String forward = "/api/v1/me/relationships/" + shop + "/aliases/" + alias.get("id").asString() + "/forward";
		assertThat(ann.client().sendJson("POST", forward, "{\"forward\":true}").status()).isEqualTo(422);
		assertThat(
				ann.client().sendJson("POST", forward, "{\"forward\":true,\"unsealedCopiesAccepted\":true}").status())
			.as("the person's own address is not proved yet")
			.isEqualTo(409);

		int before = relay.received.size();
		assertThat(ann.client().sendJson("POST", "/api/v1/me/forwarding/code", null).status()).isEqualTo(202);
		Relayed codeMail = relay.received.get(before);
		assertThat(codeMail.recipients()).containsExactly(ann.email());
		Matcher code = Pattern.compile("address: ([a-z2-9]{8})").matcher(codeMail.text());
		assertThat(code.find()).isTrue();
		assertThat(ann.client().sendJson("POST", "/api/v1/me/forwarding/confirm", "{\"code\":\"wrongcod\"}").status())
			.isEqualTo(422);
		json(ann.client().sendJson("POST", "/api/v1/me/forwarding/confirm", "{\"code\":\"" + code.group(1) + "\"}"),
				200);
		assertThat(
				json(ann.client().sendJson("POST", forward, "{\"forward\":true,\"unsealedCopiesAccepted\":true}"), 200)
					.get("forward")
					.asBoolean())
			.isTrue();

		// another person cannot turn on forwarding of Ann's address
		Person bea = Correspondents.person(port);
		assertThat(
				bea.client().sendJson("POST", forward, "{\"forward\":true,\"unsealedCopiesAccepted\":true}").status())
			.isEqualTo(404);

		SmtpSender sender = new SmtpSender(smtp.port());
		MimeMessage mail = new MimeMessage(sender.session());
		mail.setFrom(new InternetAddress("news@shop.example"));
		mail.setRecipient(RecipientType.TO, new InternetAddress(address));
		mail.setSubject("Your receipt", "UTF-8");
		mail.setText("Receipt for one teapot.", "UTF-8");
		int sent = relay.received.size();
		assertThat(sender.send(mail)).isEqualTo(250);
		Relayed copy = await(sent + 1).get(sent);
		assertThat(copy.envelopeFrom()).isEqualTo(address);
		assertThat(copy.recipients()).containsExactly(ann.email());
		assertThat(copy.text()).contains("From: " + address)
			.contains("message/rfc822")
			.contains("Receipt for one teapot.")
			.contains("From: news@shop.example");

		// the relay down: the mail still goes in, the failure is shown
		relay.down = true;
		try {
			assertThat(sender.send(mail)).isEqualTo(250);
			for (int i = 0; i < 100
					&& json(ann.client().get("/api/v1/me/relationships/" + shop + "/aliases"), 200).get(0)
						.get("forwardFailedAt")
						.isNull(); i++) {
				Thread.sleep(100);
			}
		}
		finally {
			relay.down = false;
		}
		assertThat(json(ann.client().get("/api/v1/me/relationships/" + shop + "/aliases"), 200).get(0)
			.get("forwardFailedAt")
			.isNull()).isFalse();
		assertThat(json(ann.client().get("/api/v1/me/channels/" + shop), 200)).hasSize(2);
		assertThat(ann.client().get("/me/vendors/" + shop).body()).contains("The last copy could not be forwarded");
	}

	private static List<Relayed> await(int count) throws InterruptedException {
		for (int i = 0; i < 100 && relay.received.size() < count; i++) {
			Thread.sleep(100);
		}
		assertThat(relay.received).hasSizeGreaterThanOrEqualTo(count);
		return relay.received;
	}

	private static void assertNothingOf(Person person, String outgoing) {
		assertThat(outgoing).doesNotContain(person.email())
			.doesNotContain(person.email().substring(0, person.email().indexOf('@')))
			.doesNotContain("Person " + person.email().substring(0, 4))
			.doesNotContain(person.id());
	}

	static String offHub(Person person, String name) {
		return json(person.client()
			.sendJson("POST", "/api/v1/me/relationships",
					"{\"name\":\"" + name + "\",\"website\":\"https://x.example\"}"),
				201)
			.get("id")
			.asString();
	}

}
