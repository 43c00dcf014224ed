package org.openvrm.vault.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.vault.EInvoiceSamples;
import org.openvrm.vault.Invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EInvoiceReaderUnitTest {

	private final EInvoiceReader reader = new EInvoiceReader();

	@Test
	void readsUbl() {
		Invoice invoice = reader.read(EInvoiceSamples.ubl());

		assertThat(invoice.syntax()).isEqualTo(Invoice.Syntax.UBL);
		assertThat(invoice.seller()).isEqualTo("Telco Vlaanderen");
		assertThat(invoice.number()).isEqualTo("UBL-7781");
		assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(invoice.currency()).isEqualTo("EUR");
		assertThat(invoice.netTotal()).isEqualByComparingTo("30.00");
		assertThat(invoice.taxTotal()).isEqualByComparingTo("6.30");
		assertThat(invoice.grossTotal()).isEqualByComparingTo("36.30");
		assertThat(invoice.lines()).singleElement().satisfies(line -> {
			assertThat(line.description()).isEqualTo("Mobile plan October");
			assertThat(line.total()).isEqualByComparingTo("30.00");
		});
	}

	@Test
	void readsCiiAndFacturX() {
		for (byte[] file : new byte[][] { EInvoiceSamples.cii("Ferme Dupont SARL"),
				EInvoiceSamples.facturX("Ferme Dupont SARL") }) {
			Invoice invoice = reader.read(file);

			assertThat(invoice.seller()).isEqualTo("Ferme Dupont SARL");
			assertThat(invoice.sellerVatId()).isEqualTo("FR12345678901");
			assertThat(invoice.number()).isEqualTo("INV-2026-042");
			assertThat(invoice.issueDate()).isEqualTo(EInvoiceSamples.ISSUED);
			assertThat(invoice.netTotal()).isEqualByComparingTo("20.00");
			assertThat(invoice.grossTotal()).isEqualByComparingTo("21.20");
			assertThat(invoice.lines()).singleElement().satisfies(line -> {
				assertThat(line.quantity()).isEqualByComparingTo(new BigDecimal(2));
				assertThat(line.unitPrice()).isEqualByComparingTo("10.00");
			});
		}
		assertThat(reader.read(EInvoiceSamples.cii("x")).syntax()).isEqualTo(Invoice.Syntax.CII);
		assertThat(reader.read(EInvoiceSamples.facturX("x")).syntax()).isEqualTo(Invoice.Syntax.FACTUR_X);
	}

	@Test
	void refusesAnExternalEntityBeforeAnyLibraryReadsIt() {
		assertThatThrownBy(() -> reader.read(EInvoiceSamples.xxe())).isInstanceOfSatisfying(InvalidInput.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("xml.doctype"));
	}

	@Test
	void refusesMalformedXmlOtherXmlAndPdfsWithoutAnInvoice() {
		assertThatThrownBy(() -> reader.read("<Invoice><cbc:ID>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("xml.malformed"));
		assertThatThrownBy(() -> reader.read("<order xmlns=\"urn:example\"/>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("invoice.not-e-invoice"));
		assertThatThrownBy(() -> reader.read("%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("invoice.pdf-without-xml"));
		String ublWithoutNumber = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8)
			.replace("<cbc:ID>UBL-7781</cbc:ID>", "");
		assertThatThrownBy(() -> reader.read(ublWithoutNumber.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
				InvalidInput.class, refused -> assertThat(refused.messageKey()).isEqualTo("invoice.unreadable"));
	}

	@Test
	void readsZugferdOne() throws IOException {
		byte[] file;
		try (var in = EInvoiceReaderUnitTest.class.getResourceAsStream("/einvoices/zugferd1-comfort.xml")) {
			file = in.readAllBytes();
		}

		Invoice invoice = reader.read(file);

		assertThat(invoice.syntax()).isEqualTo(Invoice.Syntax.CII);
		assertThat(invoice.number()).isEqualTo("ZF1-2014-0042");
		assertThat(invoice.seller()).isEqualTo("Bäckerei Schmitt GmbH");
		assertThat(invoice.sellerVatId()).isEqualTo("DE987654321");
		assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2014, 3, 12));
		assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2014, 4, 11));
		assertThat(invoice.grossTotal()).isEqualByComparingTo("48.15");
		assertThat(invoice.linesAddUpTo()).isNull();
		assertThat(invoice.lines()).extracting(Invoice.Line::description).containsExactly("Roggenbrot", "Brezel");
		assertThat(invoice.lines().get(0).quantity()).isEqualByComparingTo("12");
		assertThat(invoice.lines().get(0).total()).isEqualByComparingTo("30.00");
	}

	/**
	 * The declared totals are kept; what the lines add up to is shown beside them when it
	 * differs.
	 */
	@Test
	void linesThatDoNotAddUpToTheDeclaredSumAreKeptAndShown() {
		String ubl = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8);
		String changed = ubl.replaceFirst("(?s)(<cac:InvoiceLine>.*?<cbc:LineExtensionAmount currencyID=\"EUR\">)30.00",
				"$125.00");
		assertThat(changed).isNotEqualTo(ubl);

		Invoice invoice = reader.read(changed.getBytes(StandardCharsets.UTF_8));

		assertThat(invoice.lineTotal()).isEqualByComparingTo("30.00");
		assertThat(invoice.linesAddUpTo()).isEqualByComparingTo("25.00");
		assertThat(invoice.grossTotal()).isEqualByComparingTo("36.30");
		assertThat(invoice.warnings()).extracting(Invoice.RuleWarning::rule).contains("BR-CO-10");
	}

	/**
	 * The official Schematron finds what an invoice breaks, names the rule, and the
	 * invoice is still read: here a buyer without a name (BR-07).
	 */
	@Test
	void businessRulesTheInvoiceBreaksAreWarningsWithTheirIds() {
		Invoice valid = reader.read(EInvoiceSamples.ubl());
		String ubl = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8);
		String broken = ubl.replaceFirst(
				"(?s)(<cac:AccountingCustomerParty>.*?)<cac:PartyLegalEntity>.*?</cac:PartyLegalEntity>", "$1");
		assertThat(broken).isNotEqualTo(ubl);

		Invoice invoice = reader.read(broken.getBytes(StandardCharsets.UTF_8));

		assertThat(valid.warnings()).as("the sample breaks no rule").isEmpty();
		assertThat(invoice.number()).isEqualTo("UBL-7781");
		assertThat(invoice.warnings()).anySatisfy(warning -> {
			assertThat(warning.rule()).isEqualTo("BR-07");
			assertThat(warning.message()).isEqualTo("An Invoice shall contain the Buyer name (BT-44).");
			assertThat(warning.fatal()).isTrue();
		});
	}

	/** Amounts in the currency's own minor unit: yen have none, dinars three. */
	@Test
	void amountsHaveTheirCurrencysDecimals() {
		assertThat(MinorUnit.amount(new BigDecimal("1000"), "JPY")).hasToString("1000");
		assertThat(MinorUnit.amount(new BigDecimal("12.5"), "KWD")).hasToString("12.500");
		assertThat(MinorUnit.amount(new BigDecimal("12.5"), "EUR")).hasToString("12.50");
		assertThat(MinorUnit.amount(new BigDecimal("0.0125"), "EUR")).hasToString("0.0125");
	}

	/** PEPPOL BIS invoices name the seller only as its legal entity (BT-27). */
	@Test
	void aSellerNamedOnlyAsALegalEntityIsRead() {
		String ubl = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8)
			.replace("<cac:PartyName><cbc:Name>Telco Vlaanderen</cbc:Name></cac:PartyName>", "");

		assertThat(reader.read(ubl.getBytes(StandardCharsets.UTF_8)).seller()).isEqualTo("Telco Vlaanderen NV");
	}

}
