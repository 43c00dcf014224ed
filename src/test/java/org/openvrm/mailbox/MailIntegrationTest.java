package org.openvrm.mailbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.RawStorage;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;
import org.openvrm.mailbox.internal.SmtpDoor;
import org.openvrm.relationship.KeptOut;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.alias;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * Real mail over SMTP into the running hub: every relationship's own addresses, mail
 * sealed to the person as it arrives, and refusals in the SMTP conversation.
 */
@HubTest
class MailIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KeptOut keptOutLog;

	@Test
	void mailInEveryCommonShapeArrivesSealedOnTheRelationshipsChannel() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor telco = Correspondents.vendor(port, "Telco");
		Relation relation = Correspondents.relate(ann, telco);
		// Mail counts against the person's rate like any message: room for all six.
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":20}"), 200);
		JsonNode alias = alias(ann, relation.id());
		String address = alias.get("address").asString();
		assertThat(address).matches("[a-z2-9]{14}@mail\\.openvrm\\.test").doesNotContain("ann");
		SmtpSender sender = new SmtpSender(smtp.port());

		MimeMessage plain = message(sender, address, "Your tariff wombat");
		plain.setText("From March the plan costs twelve zeppelins a month.", "UTF-8");
		assertThat(sender.send(plain)).isEqualTo(250);

		MimeMessage html = message(sender, address, "Newsletter");
		MimeMultipart alternative = new MimeMultipart("related");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setContent(
				"<html><head><style>p{color:red}</style></head><body><h1>Hello</h1>"
						+ "<p>Our <b>marmalade</b> offer</p><p>ends soon.</p><img src=\"cid:logo\"></body></html>",
				"text/html; charset=UTF-8");
		alternative.addBodyPart(htmlPart);
		MimeBodyPart image = new MimeBodyPart();
		image.setDataHandler(
				new DataHandler(new ByteArrayDataSource(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png")));
		image.setFileName("logo.png");
		image.setContentID("<logo>");
		alternative.addBodyPart(image);
		html.setContent(alternative);
		assertThat(sender.send(html)).isEqualTo(250);

		MimeMessage quoted = message(sender, address, "Réduction");
		quoted.setText("Une réduction sur le crème brûlée: façade gratuite = économie.", "UTF-8");
		quoted.setHeader("Content-Transfer-Encoding", "quoted-printable");
		assertThat(sender.send(quoted)).isEqualTo(250);

		assertThat(sender.sendRaw(address, eightBit("Shop <shop@sender.example>", address, "Acht bit",
				"Grüße aus Köln: Ihr Paket kommt übermorgen.", StandardCharsets.UTF_8)))
			.endsWith(250);
		assertThat(sender.sendRaw(address, eightBit("Boutique <boutique@sender.example>", address, "Latin",
				"Votre café crème à emporter, déjà prêt.", StandardCharsets.ISO_8859_1)))
			.endsWith(250);

		assertThat(sender.sendRaw(address,
				("Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"never-there\"\r\n"
						+ "Content-Transfer-Encoding: base64\r\n\r\n%%% not base64, no boundary: kumquat\r\n")
					.getBytes(StandardCharsets.UTF_8)))
			.endsWith(250);

		// sealed as it arrived: the hub holds none of the words, before and after reading
		for (String word : List.of("wombat", "zeppelins", "marmalade", "économie", "übermorgen", "emporter",
				"kumquat")) {
			assertThat(RawStorage.whereFound(jdbc, word)).as(word).isEmpty();
		}
		assertThat(RawStorage.tables(jdbc)).contains("mailbox_message", "mail_alias");
		// each message names the address it came to (the reply leaves from it)
		assertThat(jdbc.queryForList("SELECT DISTINCT alias_id FROM mailbox_message WHERE relationship_id = ?",
				String.class, UUID.fromString(relation.id())))
			.containsExactly(alias.get("id").asString());

		JsonNode thread = json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200);
		assertThat(thread).hasSize(6);
		assertThat(thread.findValuesAsString("subject")).contains("Your tariff wombat", "Newsletter", "Réduction",
				"Acht bit", "Latin");
		String bodies = String.join("\n", thread.findValuesAsString("body"));
		assertThat(bodies).contains("twelve zeppelins")
			.contains("Hello\nOur marmalade offer\nends soon.")
			.doesNotContain("<b>")
			.doesNotContain("color:red")
			.contains("logo.png (image/png")
			.contains("Une réduction sur le crème brûlée: façade gratuite = économie.")
			.contains("Grüße aus Köln: Ihr Paket kommt übermorgen.")
			.contains("Votre café crème à emporter, déjà prêt.")
			.contains("From: boutique@sender.example")
			.contains("kumquat");
		for (String word : List.of("wombat", "zeppelins", "marmalade", "économie", "übermorgen", "emporter",
				"kumquat")) {
			assertThat(RawStorage.whereFound(jdbc, word)).as(word).isEmpty();
		}
		assertThat(json(ann.client().get("/api/v1/me/inbox?q=zeppelins"), 200)).hasSize(1);
		assertThat(ann.client().get("/me/vendors/" + relation.id()).body()).contains(address)
			.contains("An e-mail address for this vendor is open");
	}

	@Test
	void unknownPausedClosedAndOversizedMailIsRefusedInTheConversation() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		JsonNode alias = alias(ann, relation.id());
		String address = alias.get("address").asString();
		String aliasPath = "/api/v1/me/relationships/" + relation.id() + "/aliases/" + alias.get("id").asString();
		SmtpSender sender = new SmtpSender(smtp.port());

		assertThat(sender.send(text(sender, "nosuchaddress22@mail.openvrm.test", "hello"))).isEqualTo(550);
		assertThat(sender.send(text(sender, address.replace("mail.openvrm.test", "elsewhere.test"), "hello")))
			.isEqualTo(550);

		byte[] big = new byte[1024 * 1024 + 10];
		Arrays.fill(big, (byte) 'a');
		MimeMessage oversized = message(sender, address, "Big");
		oversized.setText(new String(big, StandardCharsets.US_ASCII).replaceAll("(.{76})", "$1\n"), "US-ASCII");
		assertThat(sender.send(oversized)).isEqualTo(552);

		assertThat(json(ann.client().sendJson("POST", aliasPath + "/pause", null), 200).get("state").asString())
			.isEqualTo("PAUSED");
		assertThat(sender.send(text(sender, address, "while paused"))).isEqualTo(550);
		json(ann.client().sendJson("POST", aliasPath + "/open", null), 200);
		assertThat(sender.send(text(sender, address, "open again"))).isEqualTo(250);
		json(ann.client().sendJson("POST", aliasPath + "/close", null), 200);
		assertThat(sender.send(text(sender, address, "after closing"))).isEqualTo(550);
		assertThat(ann.client().sendJson("POST", aliasPath + "/open", null).status()).isEqualTo(409);

		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("channel")).containsOnly("mail");
		assertThat(keptOutLog.countsFor(List.of(UUID.fromString(shop.id()))))
			.as("anyone may write to an address: refused mail is not the vendor's doing")
			.isEmpty();
		assertThat(keptOut.findValuesAsString("reason")).containsExactlyInAnyOrder("alias-paused", "alias-closed");
		assertThat(ann.client().get("/me/kept-out").body()).contains("Sent an e-mail")
			.contains("you closed this address");
		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).findValuesAsString("body"))
			.singleElement()
			.asString()
			.contains("open again");
	}

	@Test
	void aShopGetsAnAddressStraightFromTheVendorList() throws Exception {
		Person ann = Correspondents.person(port);
		assertThat(ann.client().get("/me/vendors").body()).contains("shop-address-form");

		HubClient.Response refused = ann.client()
			.submit("/me/vendors", "/me/vendors/new-address", Map.of("name", " ", "website", "https://shoes.example"));
		assertThat(refused.header("Location")).endsWith("/me/vendors#shop-address");
		assertThat(json(ann.client().get("/api/v1/me/relationships"), 200).size()).isZero();

		HubClient.Response made = ann.client()
			.submit("/me/vendors", "/me/vendors/new-address",
					Map.of("name", "Sole Mates Shoes", "website", "https://shoes.example"));
		assertThat(made.status()).isEqualTo(302);
		String shop = made.header("Location").replaceAll(".*/me/vendors/([0-9a-f-]{36})#aliases$", "$1");
		JsonNode relationship = json(ann.client().get("/api/v1/me/relationships/" + shop), 200);
		assertThat(relationship.get("relationship").get("vendorName").asString()).isEqualTo("Sole Mates Shoes");
		JsonNode aliases = json(ann.client().get("/api/v1/me/relationships/" + shop + "/aliases"), 200);
		assertThat(aliases.size()).isEqualTo(1);
		assertThat(aliases.get(0).get("state").asString()).isEqualTo("OPEN");
		String address = aliases.get(0).get("address").asString();
		assertThat(ann.client().get("/me/vendors/" + shop).body()).contains(address);

		SmtpSender sender = new SmtpSender(smtp.port());
		assertThat(sender.send(text(sender, address, "Your sandals are on their way."))).isEqualTo(250);
		assertThat(json(ann.client().get("/api/v1/me/channels/" + shop), 200).get(0).get("body").asString())
			.contains("sandals");
	}

	@Test
	void aVendorOffTheHubGetsAnAddressAndItsMailLandsOnItsChannel() throws Exception {
		Person ann = Correspondents.person(port);
		String bookshop = json(ann.client()
			.sendJson("POST", "/api/v1/me/relationships",
					"{\"name\":\"Corner Bookshop\",\"website\":\"https://books.example\"}"),
				201)
			.get("id")
			.asString();
		String formPage = "/me/vendors/" + bookshop;
		assertThat(ann.client().submit(formPage, formPage + "/aliases", Map.of()).status()).isEqualTo(302);
		String page = ann.client().get(formPage).body();
		assertThat(page).contains("@mail.openvrm.test").contains("data-copy=");
		String address = json(ann.client().get("/api/v1/me/relationships/" + bookshop + "/aliases"), 200).get(0)
			.get("address")
			.asString();
		assertThat(page).contains(address);

		SmtpSender sender = new SmtpSender(smtp.port());
		assertThat(sender.send(text(sender, address, "Your order of three novels has shipped."))).isEqualTo(250);
		JsonNode channel = json(ann.client().get("/api/v1/me/channels"), 200);
		assertThat(channel.findValuesAsString("vendorName")).contains("Corner Bookshop");
		assertThat(channel.findValuesAsString("state")).contains("off-hub");
		JsonNode thread = json(ann.client().get("/api/v1/me/channels/" + bookshop), 200);
		assertThat(thread.get(0).get("body").asString()).contains("three novels");
		assertThat(thread.get(0).get("vendorName").asString()).isEqualTo("Corner Bookshop");
		assertThat(ann.client().get("/me/inbox/channels/" + bookshop).body()).contains("three novels");
		assertThat(ann.client()
			.sendJson("POST", "/api/v1/me/channels/" + bookshop + "/messages", "{\"body\":\"Thanks\"}")
			.status()).isEqualTo(409);

		// ending the relationship shuts its addresses
		json(ann.client().sendJson("POST", "/api/v1/me/relationships/" + bookshop + "/end", null), 200);
		assertThat(sender.send(text(sender, address, "Come back!"))).isEqualTo(550);
		assertThat(json(ann.client().get("/api/v1/me/kept-out"), 200).findValuesAsString("reason"))
			.containsExactly("ended");
	}

	@Test
	void nobodyReachesAnotherPersonsAddressesOrTheirMail() throws Exception {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		JsonNode alias = alias(ann, relation.id());
		String aliases = "/api/v1/me/relationships/" + relation.id() + "/aliases";
		SmtpSender sender = new SmtpSender(smtp.port());
		assertThat(sender.send(text(sender, alias.get("address").asString(), "For Ann only: pomegranate")))
			.isEqualTo(250);

		assertThat(json(bea.client().get("/api/v1/me/inbox"), 200)).isEmpty();
		assertThat(bea.client().get(aliases).status()).isEqualTo(404);
		assertThat(bea.client().sendJson("POST", aliases, null).status()).isEqualTo(404);
		for (String action : List.of("pause", "open", "close")) {
			assertThat(bea.client()
				.sendJson("POST", aliases + "/" + alias.get("id").asString() + "/" + action, null)
				.status()).as(action).isEqualTo(404);
		}
		assertThat(bea.client()
			.submit("/me/inbox", "/me/vendors/" + relation.id() + "/aliases/" + alias.get("id").asString() + "/close",
					Map.of())
			.status()).isEqualTo(404);
		assertThat(json(ann.client().get(aliases), 200).get(0).get("state").asString()).isEqualTo("OPEN");
		assertThat(json(ann.client().get("/api/v1/me/inbox"), 200).findValuesAsString("body")).singleElement()
			.asString()
			.contains("pomegranate");
		// the same alias id under Bea's own relationship names nothing either
		Relation beas = Correspondents.relate(bea, shop);
		assertThat(bea.client()
			.sendJson("POST",
					"/api/v1/me/relationships/" + beas.id() + "/aliases/" + alias.get("id").asString() + "/close", null)
			.status()).isEqualTo(404);
	}

	private static MimeMessage message(SmtpSender sender, String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(sender.session());
		message.setFrom(new InternetAddress("shop@sender.example", "A Shop"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		return message;
	}

	/**
	 * A message sent as it is written: 8-bit text in the charset, no transfer encoding.
	 */
	private static byte[] eightBit(String from, String to, String subject, String text, Charset charset) {
		return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
				+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=" + charset.name()
				+ "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n")
			.getBytes(charset);
	}

	private static MimeMessage text(SmtpSender sender, String to, String body) throws Exception {
		MimeMessage message = message(sender, to, "A message");
		message.setText(body, "UTF-8");
		return message;
	}

}
