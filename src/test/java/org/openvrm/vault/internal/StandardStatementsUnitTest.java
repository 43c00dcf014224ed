package org.openvrm.vault.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.StatementFormat;
import org.openvrm.vault.Transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standard statement formats (src/test/resources/statements: camt053.xml valid
 * against the published camt.053.001.02 XSD, mt940.sta, ofx1.ofx in SGML with end tags
 * left out, ofx2.qfx in XML; README-standard-formats.md says where their layouts come
 * from and which rules expected-standard.csv, computed by an independent script, follows)
 * import with nothing to map, with the right signs (reversals included), dates and
 * currencies; hostile files are refused with a reason.
 */
class StandardStatementsUnitTest {

	record Expected(String file, int rows, String firstDate, String firstAmount, String lastDate, String lastAmount,
			String total, String currency) {

		@Override
		public String toString() {
			return file;
		}
	}

	static List<Expected> statements() throws IOException {
		return new String(bytes("expected-standard.csv"), StandardCharsets.UTF_8).lines()
			.skip(1)
			.map(line -> line.split(",", -1))
			.map(f -> new Expected(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7]))
			.toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("statements")
	void importsWithNothingToMap(Expected expected) throws IOException {
		CsvStatement.Table table = StatementFile.read(bytes(expected.file()));

		CsvStatement.Parsed parsed = CsvStatement.parse(table, StatementFile.MAPPING);

		assertThat(table.format()).isNotEqualTo(StatementFormat.CSV);
		new StatementFigures(expected.rows(), expected.firstDate(), expected.firstAmount(), expected.lastDate(),
				expected.lastAmount(), expected.total(), expected.currency())
			.assertMatch(parsed);
		List<Transaction> rows = parsed.transactions();
		assertThat(rows).allSatisfy(row -> assertThat(row.description()).isNotBlank());
	}

	@Test
	void tellsTheFormatsApartByContent() throws IOException {
		assertThat(StatementFile.read(bytes("camt053.xml")).format()).isEqualTo(StatementFormat.CAMT_053);
		assertThat(StatementFile.read(bytes("mt940.sta")).format()).isEqualTo(StatementFormat.MT940);
		assertThat(StatementFile.read(bytes("ofx1.ofx")).format()).isEqualTo(StatementFormat.OFX);
		assertThat(StatementFile.read(bytes("ofx2.qfx")).format()).isEqualTo(StatementFormat.OFX);
		assertThat(StatementFile.read(bytes("bunq.csv")).format()).isEqualTo(StatementFormat.CSV);
	}

	/** The other party and the remittance text, from where camt.053 and OFX keep them. */
	@Test
	void keepsTheOtherPartyAndWhatThePaymentWasFor() throws IOException {
		List<Transaction> camt = CsvStatement.parse(StatementFile.read(bytes("camt053.xml")), StatementFile.MAPPING)
			.transactions();
		assertThat(camt.get(0).counterparty()).isEqualTo("Kantoorartikelen Online B.V.");
		assertThat(camt.get(0).description()).startsWith("BEA NR:4711");
		List<Transaction> ofx = CsvStatement.parse(StatementFile.read(bytes("ofx1.ofx")), StatementFile.MAPPING)
			.transactions();
		assertThat(ofx.get(0).counterparty()).as("CHARSET:1252").isEqualTo("Café Luna");
		List<Transaction> ofx2 = CsvStatement.parse(StatementFile.read(bytes("ofx2.qfx")), StatementFile.MAPPING)
			.transactions();
		assertThat(ofx2).extracting(Transaction::counterparty).as("UTF-8, as OFX 2.x is").contains("Bäckerei Müller");
	}

	/**
	 * Rabobank's and ING's MT940 structure :86: as /NAME/…/REMI/…; German banks as
	 * ?20…?32.
	 */
	@Test
	void readsStructuredMt940Information() {
		String dutch = """
				:20:940S261031
				:25:NL91RABO0123456789 EUR
				:28C:0
				:60F:C261030EUR1000,00
				:61:261031D12,50N102NONREF
				:86:/EREF/NOTPROVIDED/BENM//NAME/Albert Heijn 1234/REMI/USTD//Boodschappen 31-10/
				:61:261031C2500,00N541NONREF
				:86:166?00GUTSCHRIFT?20Gehalt Oktober?21 2026?32Muster GmbH
				:62F:C261031EUR3487,50
				-
				""";

		List<Transaction> rows = CsvStatement
			.parse(StatementFile.read(dutch.getBytes(StandardCharsets.UTF_8)), StatementFile.MAPPING)
			.transactions();

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).counterparty()).isEqualTo("Albert Heijn 1234");
		assertThat(rows.get(0).description()).isEqualTo("Boodschappen 31-10");
		assertThat(rows.get(0).amount()).isEqualByComparingTo("-12.50");
		assertThat(rows.get(1).amount()).isEqualByComparingTo("2500.00");
		assertThat(rows.get(1).description()).isEqualTo("Gehalt Oktober 2026");
		assertThat(rows.get(1).counterparty()).isEqualTo("Muster GmbH");
	}

	/**
	 * A version whose schema is not shipped (001.04) is read all the same; its amounts
	 * are still bounded.
	 */
	@Test
	void readsOtherCamtVersionsAndRefusesAmountsNoBankWrites() throws IOException {
		String camt = new String(bytes("camt053.xml"), StandardCharsets.UTF_8);
		String other = camt.replace("camt.053.001.02", "camt.053.001.04");

		List<Transaction> rows = CsvStatement
			.parse(StatementFile.read(other.getBytes(StandardCharsets.UTF_8)), StatementFile.MAPPING)
			.transactions();

		assertThat(rows).hasSize(8);
		assertRefused(other.replaceFirst("<Amt Ccy=\"EUR\">89.99</Amt>", "<Amt Ccy=\"EUR\">1E+900000000</Amt>"),
				"import.camt.invalid");
		assertRefused(other.replaceAll("(?s)<Ntry>.*?</Ntry>", ""), "import.csv.empty");
	}

	@Test
	void refusesHostileAndBrokenFilesWithAReason() throws IOException {
		String camt = new String(bytes("camt053.xml"), StandardCharsets.UTF_8);
		assertRefused(
				camt.replaceFirst("<Document", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document"),
				"xml.doctype");
		assertRefused(camt.replaceFirst("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>"),
				"import.camt.invalid");
		assertRefused(camt.substring(0, camt.length() / 2), "xml.malformed");
		assertRefused("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:example\"/>", "import.xml.unknown");
		String ofx = new String(bytes("ofx2.qfx"), StandardCharsets.UTF_8);
		assertRefused(ofx.replaceFirst("<OFX>", "<!DOCTYPE OFX [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><OFX>"),
				"xml.doctype");
		assertRefused(":20:X\n:25:NL91\n:60F:C261030EUR1,00\n:61:26AB31D12,50NTRFNONREF\n:62F:C261031EUR1,00\n-\n",
				"import.mt940.invalid");
		assertRefused("OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS>", "import.ofx.invalid");
	}

	private static void assertRefused(String file, String reason) {
		assertThatThrownBy(() -> StatementFile.read(file.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.messageKey()).isEqualTo(reason));
	}

	private static byte[] bytes(String file) throws IOException {
		try (InputStream in = StandardStatementsUnitTest.class.getResourceAsStream("/statements/" + file)) {
			return in.readAllBytes();
		}
	}

}
