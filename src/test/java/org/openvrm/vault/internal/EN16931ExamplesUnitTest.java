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
 * Every UBL and CII example of the official EN 16931 test set imports with exactly the
 * number, seller, currency and totals it declares (src/test/resources/einvoices/en16931:
 * the files, where they come from, and expected.csv, read by an independent script).
 * Before, 9 of them were refused and others were stored with totals recomputed from their
 * lines (ubl-tc434-example1 as 449.56 / 483.49 instead of 229.60 / 250.33).
 */
class EN16931ExamplesUnitTest {

	private static final String FOLDER = "/einvoices/en16931/";

	private final EInvoiceReader reader = new EInvoiceReader();

	record Expected(String file, String number, String seller, String currency, String lineTotal, String netTotal,
			String taxTotal, String grossTotal, String payable) {

		@Override
		public String toString() {
			return file;
		}
	}

	static List<Expected> examples() throws IOException {
		try (InputStream csv = EN16931ExamplesUnitTest.class.getResourceAsStream(FOLDER + "expected.csv")) {
			return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.map(line -> line.split(";", -1))
				.map(f -> new Expected(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]))
				.toList();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void importsWithTheFiguresTheInvoiceDeclares(Expected expected) throws IOException {
		byte[] file;
		try (InputStream in = EN16931ExamplesUnitTest.class.getResourceAsStream(FOLDER + expected.file())) {
			file = in.readAllBytes();
		}

		Invoice invoice = reader.read(file);

		assertThat(invoice.syntax())
			.isEqualTo(expected.file().startsWith("ubl/") ? Invoice.Syntax.UBL : Invoice.Syntax.CII);
		new DeclaredFigures(expected.number(), expected.seller(), expected.currency(), expected.lineTotal(),
				expected.netTotal(), expected.taxTotal(), expected.grossTotal(), expected.payable())
			.assertMatch(invoice);
		assertThat(invoice.lines()).isNotEmpty();
		assertThat(invoice.warnings()).as("the official examples break no fatal rule")
			.noneMatch(Invoice.RuleWarning::fatal);
	}

}
