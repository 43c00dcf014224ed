package org.openvrm.mailbox;

import java.util.List;
import java.util.Map;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;
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
 * "Who passed my address on?": mail over SMTP (Jakarta Mail) to a vendor's address from a
 * domain that is not the vendor's is flagged on the address, once on the timeline, and
 * the person closes the address in one click.
 */
@HubTest
class PassedOnIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void mailFromAnotherDomainThanTheVendorsIsFlaggedAndOneClickClosesTheAddress() throws Exception {
		Person ann = Correspondents.person(port);
		// more messages than the default rate of contact allows in 30 days
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":20}"), 200);
		Vendor shop = Correspondents.vendor(port, "Rail and Sea");
		json(shop.admin()
			.sendJson("PATCH", "/api/v1/vendor/profile",
					"{\"website\":\"https://www.railandsea.example/holidays\",\"mailDomains\":[\"sendgrid.net\"]}"),
				200);
		Relation relation = Correspondents.relate(ann, shop);
		JsonNode alias = alias(ann, relation.id());
		String address = alias.get("address").asString();
		String aliasId = alias.get("id").asString();
		assertThat(alias.get("passedOn")).isEmpty();
		SmtpSender sender = new SmtpSender(smtp.port());

		// the website's domain, a declared provider, a subdomain: the vendor's own
		assertThat(sender.send(mail(sender, "trips@railandsea.example", null, address))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "news@em4821.sendgrid.net", null, address))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "offers@newsletter.railandsea.example", null, address))).isEqualTo(250);
		// the envelope sender is the vendor's: it sent this, whatever its From: line says
		assertThat(sender.send(mail(sender, "partner@travelpartner.example", "bounces@railandsea.example", address)))
			.isEqualTo(250);
		assertThat(json(ann.client().get(aliases(relation.id())), 200).get(0).get("passedOn")).isEmpty();

		// someone else: flagged with its organizational domain, and still delivered
		assertThat(sender.send(mail(sender, "leakyoffers@spam.example", null, address))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "more@mx2.spam.example", "bounce@spam.example", address))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "leakyoffers@spam.example", null, address))).isEqualTo(250);

		JsonNode flags = json(ann.client().get(aliases(relation.id())), 200).get(0).get("passedOn");
		assertThat(flags).hasSize(1);
		assertThat(flags.get(0).get("domain").asString()).isEqualTo("spam.example");
		assertThat(flags.get(0).get("messages").asLong()).isEqualTo(3);
		assertThat(flags.get(0).get("firstSeen").isNull()).isFalse();
		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200)).hasSize(7);
		JsonNode timeline = json(ann.client().get("/api/v1/me/relationships/" + relation.id()), 200).get("timeline");
		assertThat(timeline.findValuesAsString("kind").stream().filter("mail-passed-on"::equals)).hasSize(1);
		assertThat(timeline.findValuesAsString("detail")).contains("spam.example");
		// the sender's domain only: never its address, nor anything of the message
		assertThat(RawStorage.whereFound(jdbc, "leakyoffers")).isEmpty();

		String page = "/me/vendors/" + relation.id();
		String html = ann.client().get(page).body();
		assertThat(html)
			.contains("This address was given to someone else: mail came from spam.example (3 messages since")
			.contains("Close this address")
			.contains("Mail to this vendor’s address came from spam.example")
			.contains("railandsea.example, sendgrid.net");

		// one click, through the page's form
		assertThat(ann.client().submit(page, page + "/aliases/" + aliasId + "/close", Map.of()).status())
			.isEqualTo(302);
		assertThat(sender.send(mail(sender, "leakyoffers@spam.example", null, address))).isEqualTo(550);
		assertThat(json(ann.client().get("/api/v1/me/kept-out"), 200).findValuesAsString("reason"))
			.containsExactly("alias-closed");
		assertThat(ann.client().get(page).body()).doesNotContain("Close this address")
			.contains("This address was given to someone else");
	}

	@Test
	void aVendorOffTheHubIsKnownByItsWebsiteOrByTheFirstSenderWhichThePersonCanCorrect() throws Exception {
		Person ann = Correspondents.person(port);
		// more messages than the default rate of contact allows in 30 days
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":20}"), 200);
		SmtpSender sender = new SmtpSender(smtp.port());

		String books = offHub(ann, "{\"name\":\"Corner Bookshop\",\"website\":\"https://books.example\"}");
		String booksAddress = alias(ann, books).get("address").asString();
		assertThat(sender.send(mail(sender, "orders@shop.books.example", null, booksAddress))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "deals@partner.example", null, booksAddress))).isEqualTo(250);
		assertThat(json(ann.client().get(aliases(books)), 200).get(0).get("passedOn").findValuesAsString("domain"))
			.containsExactly("partner.example");

		String bakery = offHub(ann, "{\"name\":\"Corner Bakery\"}");
		String page = "/me/vendors/" + bakery;
		String bakeryAddress = alias(ann, bakery).get("address").asString();
		assertThat(ann.client().get(page).body()).contains("No domain is known for this vendor yet");
		assertThat(sender.send(mail(sender, "hello@bakery.example", null, bakeryAddress))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "bread@news.bakery.example", null, bakeryAddress))).isEqualTo(250);
		assertThat(json(ann.client().get(aliases(bakery)), 200).get(0).get("passedOn")).isEmpty();
		assertThat(ann.client().get(page).body()).contains(
				"Mail from this vendor is expected from bakery.example: the sender of the first message to its address");
		assertThat(json(ann.client().get("/api/v1/me/relationships/" + bakery), 200).get("timeline")
			.findValuesAsString("kind")).contains("mail-domain-first-use");
		assertThat(sender.send(mail(sender, "ads@crumbs.example", null, bakeryAddress))).isEqualTo(250);
		assertThat(json(ann.client().get(aliases(bakery)), 200).get(0).get("passedOn").findValuesAsString("domain"))
			.containsExactly("crumbs.example");

		// the first sender was not the bakery: the person says which domain is
		assertThat(ann.client().submit(page, page + "/mail-domain", Map.of("domain", "not a domain")).status())
			.isEqualTo(302);
		assertThat(ann.client().get(page).body()).contains("Enter a domain name");
		assertThat(ann.client().submit(page, page + "/mail-domain", Map.of("domain", "Crumbs.Example")).status())
			.isEqualTo(302);
		assertThat(ann.client().get(page).body())
			.contains("Mail from this vendor is expected from crumbs.example (you said so)");
		assertThat(sender.send(mail(sender, "ads@crumbs.example", null, bakeryAddress))).isEqualTo(250);
		assertThat(sender.send(mail(sender, "hello@bakery.example", null, bakeryAddress))).isEqualTo(250);
		JsonNode flags = json(ann.client().get(aliases(bakery)), 200).get(0).get("passedOn");
		assertThat(flags.findValuesAsString("domain")).containsExactly("crumbs.example", "bakery.example");
		assertThat(flags.get(0).get("messages").asLong()).as("not counted once it is the vendor's").isEqualTo(1);
	}

	@Test
	void nobodySeesOrChangesAnotherPersonsFlags() throws Exception {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		json(shop.admin().sendJson("PATCH", "/api/v1/vendor/profile", "{\"website\":\"https://shop.example\"}"), 200);
		Relation anns = Correspondents.relate(ann, shop);
		Relation beas = Correspondents.relate(bea, shop);
		String annsAddress = alias(ann, anns.id()).get("address").asString();
		alias(bea, beas.id());
		SmtpSender sender = new SmtpSender(smtp.port());
		assertThat(sender.send(mail(sender, "x@elsewhere.example", null, annsAddress))).isEqualTo(250);

		assertThat(json(ann.client().get(aliases(anns.id())), 200).get(0).get("passedOn")).hasSize(1);
		assertThat(bea.client().get(aliases(anns.id())).status()).isEqualTo(404);
		assertThat(bea.client().get("/me/vendors/" + anns.id()).status()).isEqualTo(404);
		assertThat(json(bea.client().get(aliases(beas.id())), 200).get(0).get("passedOn")).isEmpty();
		assertThat(bea.client().get("/me/vendors/" + beas.id()).body()).doesNotContain("elsewhere.example");
		assertThat(bea.client()
			.submit("/me/vendors/" + beas.id(), "/me/vendors/" + anns.id() + "/mail-domain",
					Map.of("domain", "elsewhere.example"))
			.status()).isEqualTo(404);
	}

	@Test
	void aVendorDeclaresItsOwnMailDomainsOnlyAndTheyAreChecked() {
		Vendor x = Correspondents.vendor(port, "Vendor X");
		Vendor y = Correspondents.vendor(port, "Vendor Y");
		json(y.admin().sendJson("PATCH", "/api/v1/vendor/profile", "{\"mailDomains\":[\"mail.y.example\"]}"), 200);

		JsonNode saved = json(x.admin()
			.sendJson("PATCH", "/api/v1/vendor/profile", "{\"mailDomains\":[\"Mail.X.example\",\"bücher.example\"]}"),
				200);
		assertThat(saved.get("id").asString()).isEqualTo(x.id());
		assertThat(saved.get("mailDomains").valueStream().map(JsonNode::asString)).containsExactly("mail.x.example",
				"xn--bcher-kva.example");
		JsonNode ys = json(new HubClient(port).get("/api/v1/vendors/" + y.id()), 200);
		assertThat(ys.get("mailDomains").valueStream().map(JsonNode::asString)).containsExactly("mail.y.example");
		// X's token may not write profiles at all; a person may not either
		assertThat(x.call("PATCH", "/api/v1/vendor/profile", "{\"mailDomains\":[\"evil.example\"]}").statusCode())
			.isEqualTo(403);
		assertThat(Correspondents.person(port)
			.client()
			.sendJson("PATCH", "/api/v1/vendor/profile", "{\"mailDomains\":[\"evil.example\"]}")
			.status()).isEqualTo(403);
		assertThat(x.admin().sendJson("PATCH", "/api/v1/vendor/profile", "{\"mailDomains\":[\"*.x.example\"]}").body())
			.contains("mailDomains");
		assertThat(json(new HubClient(port).get("/api/v1/vendors/" + y.id()), 200).get("mailDomains").toString())
			.isEqualTo("[\"mail.y.example\"]");

		// the console form: one a line
		String form = "/console/profile";
		HubClient.Response console = x.admin()
			.submit(form, form, Map.of("name", x.name(), "mailDomains", "mail.x.example\nsendgrid.net"));
		assertThat(console.status()).isEqualTo(302);
		assertThat(x.admin().get(form).body()).contains("mail.x.example\nsendgrid.net");
	}

	private static String offHub(Person person, String body) {
		return json(person.client().sendJson("POST", "/api/v1/me/relationships", body), 201).get("id").asString();
	}

	private static String aliases(String relationshipId) {
		return "/api/v1/me/relationships/" + relationshipId + "/aliases";
	}

	/** A message with its From: line, and another envelope sender when not null. */
	private static SMTPMessage mail(SmtpSender sender, String from, String envelopeFrom, String to) throws Exception {
		SMTPMessage message = new SMTPMessage(sender.session());
		message.setFrom(new InternetAddress(from));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject("A message", "UTF-8");
		message.setText("Hello", "UTF-8");
		if (envelopeFrom != null) {
			message.setEnvelopeFrom(envelopeFrom);
		}
		return message;
	}

}
