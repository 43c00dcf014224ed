package org.openvrm.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;

/**
 * Real e-invoices for tests: CII and Factur-X made with Mustang here, UBL 2.1 from a
 * small hand-written sample (src/test/resources/einvoices). Seller "Ferme Dupont SARL"
 * (or a given name), number INV-2026-042, two boxes of apples at 10.00 EUR with 6 % VAT:
 * 20.00 net, 21.20 total.
 */
public final class EInvoiceSamples {

	public static final LocalDate ISSUED = LocalDate.of(2026, 10, 15);

	private EInvoiceSamples() {
	}

	public static byte[] cii(String seller) {
		ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
		provider.setProfile(Profiles.getByName("EN16931"));
		provider.generateXML(invoice(seller));
		return provider.getXML();
	}

	public static byte[] facturX(String seller) {
		try (ByteArrayOutputStream blank = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			page.setResources(new PDResources());
			document.addPage(page);
			document.save(blank);
			var exporter = new ZUGFeRDExporterFromA1().ignorePDFAErrors()
				.load(blank.toByteArray())
				.setProducer("OpenVRM tests")
				.setCreator("OpenVRM tests")
				.setProfile(Profiles.getByName("EN16931"));
			exporter.setTransaction(invoice(seller));
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			exporter.export(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * UBL 2.1: Telco Vlaanderen, UBL-7781, issued 2026-10-01, 30.00 net + 21 % = 36.30.
	 */
	public static byte[] ubl() {
		try (InputStream in = EInvoiceSamples.class.getResourceAsStream("/einvoices/ubl-invoice.xml")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] ubl(String seller) {
		return new String(ubl(), StandardCharsets.UTF_8).replace("Telco Vlaanderen</cbc:Name>", seller + "</cbc:Name>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A UBL invoice that tries to read a local file through an external entity. */
	public static byte[] xxe() {
		return """
				<?xml version="1.0"?>
				<!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
				         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
				  <cbc:ID>&secret;</cbc:ID>
				</Invoice>
				""".getBytes(StandardCharsets.UTF_8);
	}

	private static Invoice invoice(String seller) {
		Date issued = Date.from(ISSUED.atStartOfDay(ZoneId.systemDefault()).toInstant());
		return new Invoice().setIssueDate(issued)
			.setDueDate(Date.from(ISSUED.plusDays(30).atStartOfDay(ZoneId.systemDefault()).toInstant()))
			.setDeliveryDate(issued)
			.setSender(new TradeParty(seller, "1 rue du Marché", "75001", "Paris", "FR").addVATID("FR12345678901"))
			.setRecipient(new TradeParty("Ann Peeters", "Kerkstraat 1", "2000", "Antwerpen", "BE"))
			.setNumber("INV-2026-042")
			.setCurrency("EUR")
			.addItem(new Item(new Product("Apples, box of 5 kg", "", "C62", new BigDecimal("6")),
					new BigDecimal("10.00"), new BigDecimal("2")));
	}

}
