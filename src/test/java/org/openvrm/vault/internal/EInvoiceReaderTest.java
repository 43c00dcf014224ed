package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.EInvoiceSamples;
import org.openvrm.vault.Invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EInvoiceReaderTest {

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
		for (byte[] file : new byte[][] { EInvoiceSamples.cii("Ferme Dupont SARL"), EInvoiceSamples.facturX("Ferme Dupont SARL") }) {
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
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.messageKey()).isEqualTo("xml.malformed"));
		assertThatThrownBy(() -> reader.read("<order xmlns=\"urn:example\"/>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("invoice.not-e-invoice"));
		assertThatThrownBy(() -> reader.read("%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("invoice.pdf-without-xml"));
		String ublWithoutNumber = new String(EInvoiceSamples.ubl(), StandardCharsets.UTF_8).replace("<cbc:ID>UBL-7781</cbc:ID>", "");
		assertThatThrownBy(() -> reader.read(ublWithoutNumber.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("invoice.unreadable"));
	}
}
