package org.openvrm.vault.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openvrm.vault.Invoice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published sample of each Factur-X/ZUGFeRD 2.x profile (MINIMUM, BASIC WL, BASIC, EN
 * 16931, EXTENDED) and XRechnung 3.0 in UBL and CII
 * (src/test/resources/einvoices/facturx: sources and licences in its README; expected.csv
 * read from the files by an independent script) imports with the number, seller and
 * totals it declares. MINIMUM and BASIC WL carry no lines: they were once stored as 0.00
 * / 0.00 / 0.00. The profiles that claim EN 16931 compliance break none of its fatal
 * rules; the two smaller ones are kept whatever the rules say of them.
 */
class FacturXProfilesUnitTest {

	private static final String FOLDER = "/einvoices/facturx/";

	private final EInvoiceReader reader = new EInvoiceReader();

	record Expected(String file, String profile, String number, String seller, String currency, String lineTotal,
			String netTotal, String taxTotal, String grossTotal, String payable, int lines) {

		boolean claimsEn16931() {
			return profile.equals("urn:cen.eu:en16931:2017") || profile.startsWith("urn:cen.eu:en16931:2017#compliant");
		}

		@Override
		public String toString() {
			return file;
		}
	}

	static List<Expected> samples() throws IOException {
		try (InputStream csv = FacturXProfilesUnitTest.class.getResourceAsStream(FOLDER + "expected.csv")) {
			return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.map(line -> line.split(";", -1))
				.map(f -> new Expected(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
						Integer.parseInt(f[10])))
				.toList();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void importsWithTheFiguresTheInvoiceDeclares(Expected expected) throws IOException {
		byte[] file;
		try (InputStream in = FacturXProfilesUnitTest.class.getResourceAsStream(FOLDER + expected.file())) {
			file = in.readAllBytes();
		}

		Invoice invoice = reader.read(file);

		new DeclaredFigures(expected.number(), expected.seller(), expected.currency(), expected.lineTotal(),
				expected.netTotal(), expected.taxTotal(), expected.grossTotal(), expected.payable())
			.assertMatch(invoice);
		assertThat(invoice.lines()).hasSize(expected.lines());
		assertThat(invoice.warnings()).as("checked against the rules").isNotNull();
		if (expected.claimsEn16931()) {
			assertThat(invoice.warnings()).as("no fatal EN 16931 rule broken").noneMatch(Invoice.RuleWarning::fatal);
		}
	}

}
