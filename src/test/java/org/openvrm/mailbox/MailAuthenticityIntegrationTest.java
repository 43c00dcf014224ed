package org.openvrm.mailbox;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;
import org.openvrm.mailbox.internal.Dns.RecordType;
import org.openvrm.mailbox.internal.SmtpDoor;
import org.openvrm.relationship.KeptOut;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.address;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * SPF, DKIM and DMARC on mail sent over SMTP with Jakarta Mail, against the tests' fixed
 * DNS: the results are sealed into the letter, and a forged sender of a domain that asks
 * for refusal is refused in the conversation. And STARTTLS, for a client that insists on
 * it.
 */
@HubTest
class MailAuthenticityIntegrationTest {

	private static final String SHOP = "shop.example.com";

	private static KeyPair dkimKey;

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	FixedDns dns;

	@Autowired
	KeptOut keptOutLog;

	@BeforeAll
	static void key() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		dkimKey = generator.generateKeyPair();
	}

	@Test
	void signedMailFromAServerTheDomainAllowsPassesAndTheResultIsSealedIntoTheLetter() throws Exception {
		publishShop();
		Person ann = Correspondents.person(port);
		Relation relation = Correspondents.relate(ann, Correspondents.vendor(port, "Teapot Shop"));
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		byte[] signed = signed(message("Orders <orders@" + SHOP + ">", address, "Your order",
				"Your parcel of seventeen teapots ships today."));
		assertThat(sender.sendAsIs(sender.session("bounces@" + SHOP, null), signed, address)).isEqualTo(250);

		String body = onlyBody(ann, relation);
		assertThat(body).startsWith("Checked: SPF pass (" + SHOP + "), DKIM pass (" + SHOP + "), DMARC pass\n")
			.contains("seventeen teapots")
			.doesNotContain("Warning");
	}

	@Test
	void aBodyChangedAfterSigningFailsDkimAndSaysSo() throws Exception {
		publishShop();
		Person ann = Correspondents.person(port);
		Relation relation = Correspondents.relate(ann, Correspondents.vendor(port, "Teapot Shop"));
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		String signed = new String(
				signed(message("Orders <orders@" + SHOP + ">", address, "Refund", "We refund 12 EUR to your account.")),
				StandardCharsets.US_ASCII);
		byte[] tampered = signed.replace("12 EUR", "1200 EUR").getBytes(StandardCharsets.US_ASCII);
		assertThat(sender.sendAsIs(sender.session("bounces@" + SHOP, null), tampered, address)).isEqualTo(250);

		// SPF still passes for the shop's domain, so DMARC passes on it alone
		assertThat(onlyBody(ann, relation))
			.startsWith("Checked: SPF pass (" + SHOP + "), DKIM fail (" + SHOP + "), DMARC pass\n")
			.contains("1200 EUR");
	}

	@Test
	void aForgedSenderOfADomainThatAsksForRefusalIsRefusedAndKeptOut() throws Exception {
		dns.publish("_dmarc.bank.example.net", RecordType.TXT, "v=DMARC1; p=reject; rua=mailto:dmarc@bank.example.net")
			.publish("bank.example.net", RecordType.TXT, "v=spf1 ip4:192.0.2.1 -all");
		Person ann = Correspondents.person(port);
		Vendor bank = Correspondents.vendor(port, "Bank");
		Relation relation = Correspondents.relate(ann, bank);
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		byte[] phish = message("Your Bank <security@bank.example.net>", address, "Confirm your PIN",
				"Click here and type your PIN: a gooseberry link.");
		assertThat(sender.sendAsIs(sender.session("x@attacker.example.org", null), phish, address)).isEqualTo(550);
		// nor does a MAIL FROM in the bank's own domain help a server the bank does not
		// name
		assertThat(sender.sendAsIs(sender.session("security@bank.example.net", null), phish, address)).isEqualTo(550);

		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200)).isEmpty();
		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		// counted per address and hour, as all refused mail: one entry, two tries
		assertThat(keptOut.findValuesAsString("reason")).containsExactly("dmarc-reject");
		assertThat(keptOut.get(0).get("attempts").asInt()).isEqualTo(2);
		assertThat(keptOut.findValuesAsString("channel")).containsOnly("mail");
		assertThat(keptOutLog.countsFor(List.of(UUID.fromString(bank.id())))).as("a forgery is not the bank's doing")
			.isEmpty();
		assertThat(ann.client().get("/me/kept-out").body()).contains("the sender is forged");
	}

	@Test
	void failingALenientPolicyOrHavingNoneIsAcceptedWithAWarning() throws Exception {
		dns.publish("_dmarc.lax.example.org", RecordType.TXT, "v=DMARC1; p=none")
			.publish("lax.example.org", RecordType.TXT, "v=spf1 -all")
			.failing("_dmarc.flaky.example.org");
		Person ann = Correspondents.person(port);
		Relation relation = Correspondents.relate(ann, Correspondents.vendor(port, "Lax"));
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		assertThat(sender.sendAsIs(sender.session("news@lax.example.org", null),
				message("News <news@lax.example.org>", address, "Lax", "A lax newsletter."), address))
			.isEqualTo(250);
		assertThat(sender.sendAsIs(sender.session("news@quiet.example.org", null),
				message("News <news@quiet.example.org>", address, "Quiet", "A quiet newsletter."), address))
			.isEqualTo(250);
		assertThat(sender.sendAsIs(sender.session("news@flaky.example.org", null),
				message("News <news@flaky.example.org>", address, "Flaky", "A flaky newsletter."), address))
			.isEqualTo(250);

		String bodies = String.join("\n",
				json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).findValuesAsString("body"));
		assertThat(bodies)
			.contains("Checked: SPF fail (lax.example.org), DKIM none, DMARC fail (policy none)\n"
					+ "Warning: this message fails the check of its sender's domain (lax.example.org): "
					+ "the From address may be forged.")
			.contains("Checked: SPF none (quiet.example.org), DKIM none, DMARC none\n"
					+ "Note: the sender's domain (quiet.example.org) publishes no DMARC policy")
			.contains("DMARC temperror");
	}

	@Test
	void aSenderThatInsistsOnTlsDeliversOverStartTls() throws Exception {
		Person ann = Correspondents.person(port);
		Relation relation = Correspondents.relate(ann, Correspondents.vendor(port, "Careful Shop"));
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		assertThat(sender.sendAsIs(sender.session("care@careful.example.org", trustingTheTestCertificate()),
				message("Care <care@careful.example.org>", address, "Sealed twice", "Encrypted on the way: quince."),
				address))
			.isEqualTo(250);
		// and a sender that does not ask for TLS still delivers in plain text
		assertThat(sender.sendAsIs(sender.session("care@careful.example.org", null),
				message("Care <care@careful.example.org>", address, "Plain", "Plain on the way: medlar."), address))
			.isEqualTo(250);

		String bodies = String.join("\n",
				json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).findValuesAsString("body"));
		assertThat(bodies).containsPattern("Came over TLS \\(TLSv1\\.[23]\\)\\.\\n(.|\\n)*quince")
			.contains("Came without TLS");
	}

	private void publishShop() {
		dns.publish(SHOP, RecordType.TXT, "v=spf1 ip4:127.0.0.1 -all")
			.publish("s2026._domainkey." + SHOP, RecordType.TXT,
					"v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded()))
			.publish("_dmarc." + SHOP, RecordType.TXT, "v=DMARC1; p=reject");
	}

	/** The message with a DKIM-Signature of the shop's domain on top (RFC 6376, 3.5). */
	private static byte[] signed(byte[] message) throws Exception {
		DKIMSigner signer = new DKIMSigner(
				"v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + SHOP
						+ "; s=s2026; h=from:to:subject:date:mime-version:content-type; bh=; b=;",
				dkimKey.getPrivate());
		String signature = signer.sign(new ByteArrayInputStream(message));
		byte[] header = (signature + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] signedMessage = new byte[header.length + message.length];
		System.arraycopy(header, 0, signedMessage, 0, header.length);
		System.arraycopy(message, 0, signedMessage, header.length, message.length);
		return signedMessage;
	}

	private static byte[] message(String from, String to, String subject, String text) {
		return ("From: " + from + "\r\nTo: <" + to + ">\r\nSubject: " + subject
				+ "\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0"
				+ "\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n" + text + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static SSLSocketFactory trustingTheTestCertificate() throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream pem = MailAuthenticityIntegrationTest.class.getResourceAsStream("/mail/smtp-test-cert.pem")) {
			trusted.setCertificateEntry("hub", CertificateFactory.getInstance("X.509").generateCertificate(pem));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context.getSocketFactory();
	}

	private static String onlyBody(Person person, Relation relation) {
		JsonNode thread = json(person.client().get("/api/v1/me/channels/" + relation.id()), 200);
		assertThat(thread).hasSize(1);
		return thread.get(0).get("body").asString();
	}

}
