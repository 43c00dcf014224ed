package org.openvrm.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class ImportsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String STATEMENT = """
			Datum;Omschrijving;Tegenpartij;Bedrag
			03/11/2026;Boodschappen week 45;Delhaize;-84,20
			05/11/2026;Loon november;Werkgever NV;2.450,00
			07/11/2026;Treinticket Antwerpen-Roosendaal;NMBS;-23,40
			""";

	static final String MAPPING = """
			{"dateColumn":"Datum","amountColumn":"Bedrag","descriptionColumn":"Omschrijving","counterpartyColumn":"Tegenpartij",
			 "defaultCurrency":"EUR","dateFormat":"dd/MM/yyyy","decimalSeparator":","}""";

	static final String CARDS = """
			BEGIN:VCARD
			VERSION:3.0
			FN:Landlord Peeters
			ORG:Peeters Vastgoed
			EMAIL:info@peeters.example
			TEL:+32 3 123 45 67
			END:VCARD
			BEGIN:VCARD
			VERSION:4.0
			ORG:Engie
			URL:https://engie.example
			END:VCARD
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStatementIsUploadedMappedPreviewedAndImported() {
		HubClient ann = Hub.person(port);

		JsonNode upload = json(upload(ann, "/api/v1/me/imports/transactions", "statement.csv", "text/csv", STATEMENT),
				201);
		assertThat(upload.get("columns").toString())
			.isEqualTo("[\"Datum\",\"Omschrijving\",\"Tegenpartij\",\"Bedrag\"]");
		assertThat(upload.get("rows").asInt()).isEqualTo(3);
		assertThat(upload.get("suggested").get("dateFormat").asString()).isEqualTo("dd/MM/yyyy");
		assertThat(upload.get("suggested").get("decimalSeparator").asString()).isEqualTo(",");
		String id = upload.get("id").asString();
		assertThat(ann.get("/api/v1/me/transactions").body()).isEqualTo("[]");

		// Without a date format (it once threw a NullPointerException: a 500): the field
		// is named.
		HubClient.Response noFormat = ann.sendJson("POST", "/api/v1/me/imports/" + id + "/preview",
				MAPPING.replace("\"dateFormat\":\"dd/MM/yyyy\",", ""));
		assertThat(noFormat.status()).as(noFormat.body()).isEqualTo(422);
		assertThat(noFormat.body()).contains("\"field\":\"dateFormat\"");

		JsonNode preview = json(ann.sendJson("POST", "/api/v1/me/imports/" + id + "/preview", MAPPING), 200);
		assertThat(preview.get("valid").asInt()).isEqualTo(3);
		assertThat(preview.get("errorCount").asInt()).isZero();
		assertThat(preview.get("sample").get(1).get("amount").decimalValue()).isEqualByComparingTo("2450.00");

		HubClient.Response committed = ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit", MAPPING);
		assertThat(committed.status()).isEqualTo(202);
		assertThat(committed.header("Location")).isEqualTo("/api/v1/me/imports/" + id);
		JsonNode done = waitUntilFinished(ann, id);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("imported").asInt()).isEqualTo(3);

		String transactions = ann.get("/api/v1/me/transactions").body();
		assertThat(transactions).contains("Treinticket Antwerpen-Roosendaal")
			.contains("\"amount\":-84.20")
			.contains("\"date\":\"2026-11-07\"");
		assertThat(ann.get("/me/transactions").body()).contains("Boodschappen week 45");
		assertThat(ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit", MAPPING).status()).isEqualTo(409);

		assertThat(ann.sendJson("DELETE", "/api/v1/me/imports/" + id, null).status()).isEqualTo(204);
		assertThat(ann.get("/api/v1/me/transactions").body()).isEqualTo("[]");
	}

	@Test
	void aStatementThatDoesNotFitIsRefusedNamingTheRowAndNothingIsImported() {
		HubClient ann = Hub.person(port);
		String id = json(upload(ann, "/api/v1/me/imports/transactions", "bad.csv", "text/csv",
				STATEMENT + "09/11/2026;Typo;Shop;12,3x\n"), 201)
			.get("id")
			.asString();

		JsonNode preview = json(ann.sendJson("POST", "/api/v1/me/imports/" + id + "/preview", MAPPING), 200);
		assertThat(preview.get("errors").toString()).contains("\"row\":4").contains("\"field\":\"amount\"");

		HubClient.Response refused = ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit", MAPPING);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("rows[4].amount").contains("the amount is not a number");
		HubClient.Response wrongColumn = ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit",
				MAPPING.replace("\"Bedrag\"", "\"Amount\""));
		assertThat(wrongColumn.status()).isEqualTo(422);
		assertThat(wrongColumn.body()).contains("\"field\":\"amountColumn\"").contains("no column of that name");
		assertThat(ann.get("/api/v1/me/transactions").body()).isEqualTo("[]");
		assertThat(json(ann.get("/api/v1/me/imports/" + id), 200).get("state").asString()).isEqualTo("MAPPING");

		HubClient.Response notCsv = upload(ann, "/api/v1/me/imports/transactions", "x.csv", "text/csv",
				"only a header\n");
		assertThat(notCsv.status()).isEqualTo(422);
		assertThat(notCsv.body()).contains("no rows under its header");
	}

	@Test
	void contactCardsBecomeCounterpartiesAndUnusableCardsAreNamed() {
		HubClient ann = Hub.person(port);

		JsonNode imported = json(upload(ann, "/api/v1/me/imports/contacts", "contacts.vcf", "text/vcard", CARDS), 201);
		assertThat(imported.get("imported")).hasSize(2);
		assertThat(imported.get("skipped")).isEmpty();
		String counterparties = ann.get("/api/v1/me/counterparties").body();
		assertThat(counterparties).contains("Landlord Peeters")
			.contains("info@peeters.example")
			.contains("+32 3 123 45 67")
			.contains("\"name\":\"Engie\"");
		assertThat(ann.get("/me/contracts/new").body()).contains("<option value=\"Landlord Peeters\">");

		// An Android export: a card with only an e-mail address is called by it; one with
		// nothing to
		// call it by is left out and named, and the file's other cards still come in
		// (once refused whole).
		String android = CARDS.replace("FN:Landlord Peeters\nORG:Peeters Vastgoed\n", "NOTE:who?\n")
			.replace("EMAIL:info@peeters.example\nTEL:+32 3 123 45 67\n", "")
			.replace("ORG:Engie", "ORG:Luminus") + "BEGIN:VCARD\nVERSION:3.0\nEMAIL:kapper@example.org\nEND:VCARD\n";
		JsonNode partly = json(upload(ann, "/api/v1/me/imports/contacts", "more.vcf", "text/vcard", android), 201);
		assertThat(partly.get("imported").findValuesAsString("name")).containsExactly("Luminus", "kapper@example.org");
		assertThat(partly.get("skipped")).hasSize(1);
		assertThat(partly.get("skipped").get(0).get("card").asInt()).isEqualTo(1);
		assertThat(partly.get("skipped").get(0).get("reason").asString()).isEqualTo("contacts.card.no-name");
		assertThat(ann.get("/api/v1/me/counterparties").body()).contains("Luminus").contains("kapper@example.org");

		HubClient.Response nothingUsable = upload(ann, "/api/v1/me/imports/contacts", "none.vcf", "text/vcard",
				"BEGIN:VCARD\nVERSION:3.0\nNOTE:who?\nEND:VCARD\n");
		assertThat(nothingUsable.status()).isEqualTo(422);
		assertThat(nothingUsable.body()).contains("No card in the file");
		assertThat(upload(ann, "/api/v1/me/imports/contacts", "x.vcf", "text/vcard", "hello").status()).isEqualTo(422);
	}

	@Test
	void eachEInvoiceSyntaxIsReadAndItsOriginalKeptAsADocument() {
		HubClient ann = Hub.person(port);

		JsonNode ubl = json(
				upload(ann, "/api/v1/me/imports/invoices", "telco.xml", "application/xml", EInvoiceSamples.ubl()), 201);
		JsonNode cii = json(upload(ann, "/api/v1/me/imports/invoices", "ferme.xml", "application/xml",
				EInvoiceSamples.cii("Ferme Dupont SARL")), 201);
		byte[] facturX = EInvoiceSamples.facturX("Bakkerij Janssens");
		JsonNode pdf = json(upload(ann, "/api/v1/me/imports/invoices", "ferme.pdf", "application/pdf", facturX), 201);

		assertThat(ubl.get("syntax").asString()).isEqualTo("UBL");
		assertThat(ubl.get("grossTotal").decimalValue()).isEqualByComparingTo("36.30");
		assertThat(cii.get("syntax").asString()).isEqualTo("CII");
		assertThat(cii.get("seller").asString()).isEqualTo("Ferme Dupont SARL");
		assertThat(pdf.get("syntax").asString()).isEqualTo("FACTUR_X");
		assertThat(pdf.get("seller").asString()).isEqualTo("Bakkerij Janssens");
		assertThat(pdf.get("lines").get(0).get("description").asString()).isEqualTo("Apples, box of 5 kg");
		String document = pdf.get("document").asString();
		assertThat(ann.get("/api/v1/me/documents/" + document).body()).contains("\"category\":\"INVOICE\"")
			.contains("INV-2026-042 — Bakkerij Janssens");
		assertThat(ann.getBytes("/api/v1/me/documents/" + document + "/content").body()).isEqualTo(facturX);
		assertThat(json(ann.get("/api/v1/me/invoices"), 200)).hasSize(3);
		assertThat(ann.get("/me/invoices").body()).contains("Spending per seller")
			.contains("Telco Vlaanderen")
			.contains("36.30");
		assertThat(ann.get("/me/invoices/" + cii.get("id").asString()).body()).contains("FR12345678901");
	}

	/**
	 * The official EN 16931 example whose totals were once recomputed from its lines
	 * (449.56 / 483.49): stored as it declares them; and an invoice whose lines do not
	 * add up to its declared sum is kept, its page showing both figures.
	 */
	@Test
	void anInvoiceKeepsTheTotalsItDeclaresAndItsPageShowsLinesThatDisagree() throws IOException {
		HubClient ann = Hub.person(port);
		byte[] example;
		try (var in = ImportsIntegrationTest.class
			.getResourceAsStream("/einvoices/en16931/ubl/ubl-tc434-example1.xml")) {
			example = in.readAllBytes();
		}

		JsonNode official = json(upload(ann, "/api/v1/me/imports/invoices", "example1.xml", "application/xml", example),
				201);

		assertThat(official.get("netTotal").decimalValue()).isEqualByComparingTo("229.60");
		assertThat(official.get("grossTotal").decimalValue()).isEqualByComparingTo("250.33");
		assertThat(official.get("seller").asString()).isEqualTo("De Koksmaat");
		String ubl = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8)
			.replaceFirst("(?s)(<cac:InvoiceLine>.*?<cbc:LineExtensionAmount currencyID=\"EUR\">)30.00", "$125.00");
		JsonNode disagreeing = json(upload(ann, "/api/v1/me/imports/invoices", "telco.xml", "application/xml",
				ubl.getBytes(StandardCharsets.UTF_8)), 201);
		assertThat(disagreeing.get("linesAddUpTo").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(ann.get("/me/invoices/" + disagreeing.get("id").asString()).body()).contains("lines-disagree")
			.contains("The lines add up to")
			.contains("25.00")
			.contains("30.00");
		assertThat(ann.get("/me/invoices/" + official.get("id").asString()).body()).doesNotContain("lines-disagree")
			.contains("it breaks none");
		// The EN 16931 rule the disagreement breaks, by its id, in the API and on the
		// page.
		assertThat(disagreeing.get("warnings").findValuesAsString("rule")).contains("BR-CO-10");
		assertThat(official.get("warnings").isEmpty()).isTrue();
		assertThat(ann.get("/me/invoices/" + disagreeing.get("id").asString()).body()).contains("BR-CO-10")
			.contains("EN 16931 business rule");
	}

	@Test
	void badInvoicesAreRefusedWithAClearReasonAndLeaveNothingBehind() {
		HubClient ann = Hub.person(port);

		HubClient.Response xxe = upload(ann, "/api/v1/me/imports/invoices", "evil.xml", "application/xml",
				EInvoiceSamples.xxe());
		assertThat(xxe.status()).isEqualTo(422);
		assertThat(xxe.body()).contains("DOCTYPE").doesNotContain("root:");
		HubClient.Response malformed = upload(ann, "/api/v1/me/imports/invoices", "broken.xml", "application/xml",
				"<Invoice><ID>1</Invoice>".getBytes(StandardCharsets.UTF_8));
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(malformed.body()).contains("not well-formed XML");
		HubClient.Response notInvoice = upload(ann, "/api/v1/me/imports/invoices", "note.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.UTF_8));
		assertThat(notInvoice.status()).isEqualTo(422);
		HubClient.Response oversize = upload(ann, "/api/v1/me/imports/invoices", "huge.xml", "application/xml",
				new byte[26 * 1024 * 1024]);
		assertThat(oversize.status()).isEqualTo(413);

		assertThat(ann.get("/api/v1/me/invoices").body()).isEqualTo("[]");
		assertThat(ann.get("/api/v1/me/documents").body()).isEqualTo("[]");
		assertThat(ann.get("/me/imports").status()).isEqualTo(200);
	}

	@Test
	void theFormsImportAndExplainRefusals() {
		HubClient ann = Hub.person(port);

		HubClient.Response uploaded = ann.upload("/me/imports/transactions", "/me/imports", Map.of(), "statement.csv",
				"text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.location()).startsWith("/me/imports/");
		String page = uploaded.location();
		assertThat(ann.get(page).body()).contains("The file has 3 rows")
			.contains("<option value=\"Bedrag\" selected=\"selected\">");

		Map<String, String> form = new HashMap<>(
				Map.of("dateColumn", "Datum", "amountColumn", "Bedrag", "descriptionColumn", "Omschrijving",
						"defaultCurrency", "EUR", "dateFormat", "yyyy-MM-dd", "decimalSeparator", ","));
		form.put("action", "preview");
		assertThat(ann.submit(page, page, form).body()).contains("0 rows fit, 3 problems")
			.contains("Row 1: the date does not match the chosen date format");
		form.put("dateFormat", "dd/MM/yyyy");
		form.put("action", "commit");
		assertThat(ann.submit(page, page, form).location()).isEqualTo(page);
		waitUntilFinished(ann, page.substring(page.lastIndexOf('/') + 1));
		assertThat(ann.get(page).body()).contains("Done: 3 imported");
		assertThat(ann.get(page + "/progress").body()).contains("Done: 3 imported").doesNotContain("hx-trigger");

		HubClient.Response invoice = ann.upload("/me/imports/invoices", "/me/imports", Map.of(), "ferme.xml",
				"application/xml", EInvoiceSamples.cii("Ferme Dupont SARL"));
		assertThat(invoice.location()).startsWith("/me/invoices/");
		HubClient.Response evil = ann.upload("/me/imports/invoices", "/me/imports", Map.of(), "evil.xml",
				"application/xml", EInvoiceSamples.xxe());
		assertThat(evil.status()).isEqualTo(200);
		assertThat(evil.body()).contains("declares a DOCTYPE");
		HubClient.Response cards = ann.upload("/me/imports/contacts", "/me/imports", Map.of(), "c.vcf", "text/vcard",
				CARDS.getBytes(StandardCharsets.UTF_8));
		assertThat(cards.location()).isEqualTo("/me/counterparties");
		assertThat(ann.get("/me/imports").body()).contains("Statement").contains("Contacts").contains("Done");
		assertThat(ann.get("/me/counterparties").body()).contains("2 contacts imported")
			.doesNotContain("skipped-cards");
		HubClient.Response some = ann.upload("/me/imports/contacts", "/me/imports", Map.of(), "some.vcf", "text/vcard",
				"BEGIN:VCARD\nVERSION:3.0\nNOTE:x\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:a@example.org\nEND:VCARD\n"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(some.location()).as(some.body()).isEqualTo("/me/counterparties");
		assertThat(ann.get("/me/counterparties").body()).contains("1 contacts imported")
			.contains("skipped-cards")
			.contains("card 1 (no name, organisation, e-mail address or phone number)");
	}

	/**
	 * The same ING statement imported six times stored each row six times: an overlap
	 * adds only the new rows.
	 */
	@Test
	void anOverlappingStatementAddsOnlyItsNewRows() {
		HubClient ann = Hub.person(port);
		String first = json(upload(ann, "/api/v1/me/imports/transactions", "october.csv", "text/csv", STATEMENT), 201)
			.get("id")
			.asString();
		ann.sendJson("POST", "/api/v1/me/imports/" + first + "/commit", MAPPING);
		assertThat(waitUntilFinished(ann, first).get("imported").asInt()).isEqualTo(3);

		String overlapping = STATEMENT + "09/11/2026;Koffie;Café De Post;-3,20\n09/11/2026;Koffie;Café De Post;-3,20\n";
		String second = json(upload(ann, "/api/v1/me/imports/transactions", "november.csv", "text/csv", overlapping),
				201)
			.get("id")
			.asString();
		ann.sendJson("POST", "/api/v1/me/imports/" + second + "/commit", MAPPING);
		JsonNode done = waitUntilFinished(ann, second);

		assertThat(done.get("imported").asInt()).as("two coffees on one day are two rows").isEqualTo(2);
		assertThat(done.get("alreadyThere").asInt()).isEqualTo(3);

		// A third statement with the same layout: mapped as the last one, previewed at
		// once.
		JsonNode third = json(upload(ann, "/api/v1/me/imports/transactions", "december.csv", "text/csv",
				STATEMENT.replace("2026", "2027")), 201);
		assertThat(third.get("remembered").asBoolean()).isTrue();
		assertThat(third.get("suggested").get("decimalSeparator").asString()).isEqualTo(",");
		assertThat(third.get("suggested").get("counterpartyColumn").asString()).isEqualTo("Tegenpartij");
		assertThat(ann.get("/me/imports/" + third.get("id").asString()).body()).contains("id=\"remembered\"")
			.contains("id=\"preview\"");
		assertThat(
				json(upload(Hub.person(port), "/api/v1/me/imports/transactions", "x.csv", "text/csv", STATEMENT), 201)
					.get("remembered")
					.asBoolean())
			.as("one person's layouts are theirs alone")
			.isFalse();
		ann.sendJson("POST", "/api/v1/me/imports/" + third.get("id").asString() + "/commit",
				MAPPING.replace("EUR", "USD"));
		waitUntilFinished(ann, third.get("id").asString());
		JsonNode fourth = json(upload(ann, "/api/v1/me/imports/transactions", "january.csv", "text/csv",
				STATEMENT.replace("2026", "2028")), 201);
		assertThat(fourth.get("suggested").get("defaultCurrency").asString()).as("the last mapping, not a guess")
			.isEqualTo("USD");
		assertThat(json(ann.get("/api/v1/me/transactions"), 200)).hasSize(8);
		assertThat(ann.get("/me/imports/" + second).body()).contains("already-there")
			.contains("3 rows were already in your vault");
	}

	/**
	 * camt.053, MT940 and OFX come already mapped: upload, check the preview the page
	 * shows at once, import with the mapping given; the same MT940 again adds nothing.
	 */
	@Test
	void standardStatementFormatsImportWithNothingToMap() throws IOException {
		HubClient ann = Hub.person(port);
		int expected = 0;
		for (String[] file : new String[][] { { "camt053.xml", "CAMT_053", "8" }, { "mt940.sta", "MT940", "10" },
				{ "ofx1.ofx", "OFX", "9" } }) {
			byte[] content;
			try (var in = ImportsIntegrationTest.class.getResourceAsStream("/statements/" + file[0])) {
				content = in.readAllBytes();
			}
			JsonNode upload = json(
					upload(ann, "/api/v1/me/imports/transactions", file[0], "application/octet-stream", content), 201);
			assertThat(upload.get("format").asString()).isEqualTo(file[1]);
			assertThat(upload.get("rows").asInt()).isEqualTo(Integer.parseInt(file[2]));
			String id = upload.get("id").asString();
			assertThat(ann.get("/me/imports/" + id).body()).contains("id=\"standard-format\"");
			ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit",
					JSON.writeValueAsString(upload.get("suggested")));
			assertThat(waitUntilFinished(ann, id).get("imported").asInt()).isEqualTo(Integer.parseInt(file[2]));
			expected += Integer.parseInt(file[2]);
		}
		assertThat(json(ann.get("/api/v1/me/transactions"), 200)).hasSize(expected);
		byte[] again;
		try (var in = ImportsIntegrationTest.class.getResourceAsStream("/statements/mt940.sta")) {
			again = in.readAllBytes();
		}
		JsonNode upload = json(upload(ann, "/api/v1/me/imports/transactions", "again.sta", "text/plain", again), 201);
		ann.sendJson("POST", "/api/v1/me/imports/" + upload.get("id").asString() + "/commit",
				JSON.writeValueAsString(upload.get("suggested")));
		JsonNode done = waitUntilFinished(ann, upload.get("id").asString());
		assertThat(done.get("imported").asInt()).isZero();
		assertThat(done.get("alreadyThere").asInt()).isEqualTo(10);
	}

	/**
	 * Abandoned uploads were listed as identical rows without a name: each shows its
	 * file, and they can go at once.
	 */
	@Test
	void uploadsWaitingForTheirColumnsShowTheirFileAndCanBeDiscarded() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		json(upload(ann, "/api/v1/me/imports/transactions", "ing-october.csv", "text/csv", STATEMENT), 201);
		json(upload(ann, "/api/v1/me/imports/transactions", "ing-november.csv", "text/csv", STATEMENT), 201);
		String bobs = json(upload(bob, "/api/v1/me/imports/transactions", "bob.csv", "text/csv", STATEMENT), 201)
			.get("id")
			.asString();

		assertThat(json(ann.get("/api/v1/me/imports"), 200).findValuesAsString("fileName"))
			.containsExactlyInAnyOrder("ing-october.csv", "ing-november.csv");
		String page = ann.get("/me/imports").body();
		assertThat(page).contains("ing-october.csv").contains("ing-november.csv").contains("discard-waiting");

		assertThat(json(ann.sendJson("POST", "/api/v1/me/imports/discard-waiting", null), 200).get("discarded").asInt())
			.isEqualTo(2);
		assertThat(json(ann.get("/api/v1/me/imports"), 200)).isEmpty();
		assertThat(json(bob.get("/api/v1/me/imports/" + bobs), 200).get("state").asString()).isEqualTo("MAPPING");
	}

	@Test
	void personACannotReachPersonBsImportsInvoicesOrCounterparties() {
		HubClient bob = Hub.person(port);
		String statement = json(upload(bob, "/api/v1/me/imports/transactions", "s.csv", "text/csv", STATEMENT), 201)
			.get("id")
			.asString();
		String invoice = json(
				upload(bob, "/api/v1/me/imports/invoices", "i.xml", "application/xml", EInvoiceSamples.ubl()), 201)
			.get("id")
			.asString();
		String counterparty = json(upload(bob, "/api/v1/me/imports/contacts", "c.vcf", "text/vcard", CARDS), 201)
			.get("imported")
			.get(0)
			.get("id")
			.asString();
		HubClient ann = Hub.person(port);

		assertThat(ann.get("/api/v1/me/imports/" + statement).status()).isEqualTo(404);
		assertThat(ann.sendJson("POST", "/api/v1/me/imports/" + statement + "/preview", MAPPING).status())
			.isEqualTo(404);
		assertThat(ann.sendJson("POST", "/api/v1/me/imports/" + statement + "/commit", MAPPING).status())
			.isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/imports/" + statement, null).status()).isEqualTo(404);
		assertThat(ann.get("/me/imports/" + statement).status()).isEqualTo(404);
		assertThat(ann.get("/me/imports/" + statement + "/progress").status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/invoices/" + invoice).status()).isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/invoices/" + invoice, null).status()).isEqualTo(404);
		assertThat(ann.get("/me/invoices/" + invoice).status()).isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/counterparties/" + counterparty, null).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/imports").body()).isEqualTo("[]");
		assertThat(ann.get("/api/v1/me/invoices").body()).isEqualTo("[]");
		assertThat(ann.get("/api/v1/me/counterparties").body()).isEqualTo("[]");
		assertThat(bob.get("/api/v1/me/invoices/" + invoice).status()).isEqualTo(200);
		assertThat(bob.get("/api/v1/me/imports/" + statement).status()).isEqualTo(200);
	}

	@Test
	void theHubCannotReadWhatWasImportedAndTheExportHoldsIt() throws IOException {
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
		HubClient ann = Hub.person(port);
		String id = json(upload(ann, "/api/v1/me/imports/transactions", "s.csv", "text/csv",
				STATEMENT.replace("Delhaize", marker)), 201)
			.get("id")
			.asString();
		ann.sendJson("POST", "/api/v1/me/imports/" + id + "/commit", MAPPING);
		waitUntilFinished(ann, id);
		upload(ann, "/api/v1/me/imports/contacts", "c.vcf", "text/vcard",
				CARDS.replace("Landlord Peeters", marker + " card"));
		upload(ann, "/api/v1/me/imports/invoices", "i.xml", "application/xml", EInvoiceSamples.ubl(marker + " seller"));
		String pending = json(upload(ann, "/api/v1/me/imports/transactions", "p.csv", "text/csv",
				STATEMENT.replace("NMBS", marker + " pending")), 201)
			.get("id")
			.asString();

		assertThat(pending).isNotBlank();
		assertThat(RawStorage.tables(jdbc)).contains("vault_transaction", "vault_transaction_page",
				"vault_counterparty", "vault_invoice", "vault_import");
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();

		Map<String, String> zip = unzip(ann.getBytes("/api/v1/me/export").body());
		assertThat(zip.get("transactions.json")).contains(marker).contains("Loon november");
		assertThat(zip.get("counterparties.json")).contains(marker + " card");
		assertThat(zip.get("invoices.json")).contains(marker + " seller").contains("UBL-7781");
		assertThat(zip.get("README.txt")).contains("transactions.json").contains("invoices.json");
	}

	private HubClient.Response upload(HubClient client, String path, String name, String type, String content) {
		return upload(client, path, name, type, content.getBytes(StandardCharsets.UTF_8));
	}

	private HubClient.Response upload(HubClient client, String path, String name, String type, byte[] content) {
		return client.upload(path, "/login", Map.of(), name, type, content);
	}

	private static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	static JsonNode waitUntilFinished(HubClient client, String id) {
		for (int attempt = 0; attempt < 200; attempt++) {
			JsonNode status = JSON.readTree(client.get("/api/v1/me/imports/" + id).body());
			if (!status.get("state").asString().equals("RUNNING")) {
				return status;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("import " + id + " still running after 10 s");
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}
