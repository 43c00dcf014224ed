package org.openvrm.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;
import org.openvrm.mailbox.internal.SmtpDoor;
import org.openvrm.vault.EInvoiceSamples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.address;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * Attachments of real mail over SMTP: sealed to the person as they arrive, filed in the
 * vault once it is open, e-invoices among them read as invoices.
 */
@HubTest
class MailAttachmentsIntegrationTest {

	/** Words of the attachments only: none may be readable in the database. */
	private static final List<String> SECRETS = List.of("aardvark", "Quokka", "Koksmaat", "leveringsvoorwaarden");

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPdfAFacturXAndAUblInvoiceAttachedToMailAreFiledInTheVaultAndTheInvoicesRead() throws Exception {
		Person ann = Correspondents.person(port);
		Vendor bakery = Correspondents.vendor(port, "Bakery");
		Relation relation = Correspondents.relate(ann, bakery);
		SmtpSender sender = new SmtpSender(smtp.port());
		byte[] statement = plainPdf("Quarterly statement of the aardvark fund");
		assertThat(new String(statement, StandardCharsets.ISO_8859_1)).as("the word is in the file as written")
			.contains("aardvark");
		byte[] ubl = resource("/einvoices/en16931/ubl/ubl-tc434-example1.xml");

		MimeMessage mail = message(sender, address(ann, relation.id()), "Your papers");
		MimeMultipart parts = new MimeMultipart("mixed");
		parts.addBodyPart(text("Please find your papers attached."));
		parts.addBodyPart(attachment("statement-aardvark.pdf", "application/pdf", statement));
		parts.addBodyPart(
				attachment("facture.pdf", "application/pdf", EInvoiceSamples.facturX("Boulangerie Quokka SARL")));
		parts.addBodyPart(attachment("koksmaat.xml", "application/xml", ubl));
		mail.setContent(parts);
		assertThat(sender.send(mail)).isEqualTo(250);

		// sealed as it arrived, each attachment on its own
		assertThat(waiting(ann)).isEqualTo(3);
		for (String word : SECRETS) {
			assertThat(RawStorage.whereFound(jdbc, word)).as(word).isEmpty();
		}

		// reading the message files them, and it says what became of each
		String body = json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).get(0).get("body").asString();
		assertThat(body).contains("Please find your papers attached.")
			.contains("- statement-aardvark.pdf: filed in your documents\n")
			.contains(
					"- facture.pdf: filed in your documents; read as invoice INV-2026-042 from Boulangerie Quokka SARL, "
							+ "21.20 EUR")
			.contains("- koksmaat.xml: filed in your documents; read as invoice 12115118 from De Koksmaat, 250.33 EUR")
			.doesNotContain(Attachments.SEALED);
		assertThat(waiting(ann)).isZero();

		JsonNode documents = json(ann.client().get("/api/v1/me/documents"), 200);
		assertThat(documents).hasSize(3);
		JsonNode plain = document(documents, "statement-aardvark.pdf");
		assertThat(plain.get("category").asString()).isEqualTo("OTHER");
		assertThat(plain.get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(plain.get("size").asLong()).isEqualTo(statement.length);
		assertThat(plain.get("tags").valueStream().map(JsonNode::asString)).contains("mail").hasSize(2);
		assertThat(ann.client().getBytes("/api/v1/me/documents/" + plain.get("id").asString() + "/content").body())
			.isEqualTo(statement);
		for (String invoiceFile : List.of("facture.pdf", "koksmaat.xml")) {
			JsonNode original = document(documents, invoiceFile);
			assertThat(original.get("category").asString()).as(invoiceFile).isEqualTo("INVOICE");
			assertThat(original.get("tags").valueStream().map(JsonNode::asString)).contains("e-invoice", "mail");
		}
		JsonNode invoices = json(ann.client().get("/api/v1/me/invoices"), 200);
		assertThat(invoices.findValuesAsString("number")).containsExactlyInAnyOrder("INV-2026-042", "12115118");
		assertThat(invoices.findValuesAsString("vendorId")).containsOnly(bakery.id());
		assertThat(invoices.findValuesAsString("syntax")).containsExactlyInAnyOrder("FACTUR_X", "UBL");

		// filed once: reading again files nothing more
		json(ann.client().get("/api/v1/me/inbox"), 200);
		assertThat(json(ann.client().get("/api/v1/me/documents"), 200)).hasSize(3);
		for (String word : SECRETS) {
			assertThat(RawStorage.whereFound(jdbc, word)).as(word).isEmpty();
		}
		assertThat(RawStorage.tables(jdbc)).contains("mail_attachment", "vault_document", "vault_invoice");
	}

	@Test
	void aBrokenPdfIsAPlainDocumentAndNobodyReachesAnotherPersonsPapers() throws Exception {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor shop = Correspondents.vendor(port, "Shop");
		Relation relation = Correspondents.relate(ann, shop);
		String address = address(ann, relation.id());
		SmtpSender sender = new SmtpSender(smtp.port());

		MimeMessage mail = message(sender, address, "Broken");
		MimeMultipart parts = new MimeMultipart("mixed");
		parts.addBodyPart(text("Here is your receipt."));
		parts.addBodyPart(attachment("receipt.pdf", "application/pdf",
				"%PDF-1.7\n% no objects, no xref: a truncated download\n".getBytes(StandardCharsets.US_ASCII)));
		parts.addBodyPart(attachment("notes.xml", "application/xml",
				"<notes><note>not an invoice</note></notes>".getBytes(StandardCharsets.UTF_8)));
		mail.setContent(parts);
		assertThat(sender.send(mail)).isEqualTo(250);

		// another person reading their own mail files nothing of Ann's
		assertThat(json(bea.client().get("/api/v1/me/inbox"), 200)).isEmpty();
		assertThat(waiting(ann)).isEqualTo(2);

		assertThat(json(ann.client().get("/api/v1/me/channels/" + relation.id()), 200).get(0).get("body").asString())
			.contains("- receipt.pdf: filed in your documents\n")
			.contains("- notes.xml: filed in your documents");
		assertThat(json(ann.client().get("/api/v1/me/invoices"), 200)).isEmpty();
		JsonNode documents = json(ann.client().get("/api/v1/me/documents"), 200);
		assertThat(documents.findValuesAsString("fileName")).containsExactlyInAnyOrder("receipt.pdf", "notes.xml");
		assertThat(documents.findValuesAsString("category")).containsOnly("OTHER");

		String document = "/api/v1/me/documents/" + document(documents, "receipt.pdf").get("id").asString();
		assertThat(bea.client().get(document).status()).isEqualTo(404);
		assertThat(bea.client().getBytes(document + "/content").statusCode()).isEqualTo(404);
		assertThat(bea.client().sendJson("DELETE", document, null).status()).isEqualTo(404);
		assertThat(json(bea.client().get("/api/v1/me/documents"), 200)).isEmpty();
		assertThat(json(bea.client().get("/api/v1/me/invoices"), 200)).isEmpty();
		assertThat(ann.client().get(document).status()).isEqualTo(200);
	}

	private long waiting(Person person) {
		return jdbc.queryForObject("SELECT count(*) FROM mail_attachment WHERE person_id = ?", Long.class,
				UUID.fromString(person.id()));
	}

	private static JsonNode document(JsonNode documents, String fileName) {
		return documents.valueStream()
			.filter(d -> d.get("fileName").asString().equals(fileName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no document " + fileName + " in " + documents));
	}

	private static MimeMessage message(SmtpSender sender, String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(sender.session());
		message.setFrom(new InternetAddress("billing@sender.example", "Billing"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		return message;
	}

	private static MimeBodyPart text(String text) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, "UTF-8");
		return part;
	}

	private static MimeBodyPart attachment(String fileName, String type, byte[] content) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
		part.setFileName(fileName);
		return part;
	}

	/** A one-page PDF whose text stream is not compressed: its words are in the bytes. */
	private static byte[] plainPdf(String line) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream text = new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
				text.beginText();
				text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(72, 700);
				text.showText(line);
				text.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = MailAttachmentsIntegrationTest.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
