package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.ImportPreview.RowError;
import org.openvrm.vault.Transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvStatementUnitTest {

	private static final String BELGIAN = """
			Datum;Omschrijving;Tegenpartij;Bedrag;Munt
			03/11/2026;"Boodschappen; week 45";Delhaize;-84,20;EUR
			05/11/2026;Loon november;Werkgever NV;2.450,00;EUR
			""";

	@Test
	void guessesTheDelimiterAndSuggestsAMappingFromHeadersAndValues() {
		CsvStatement.Table table = CsvStatement.read(BELGIAN.getBytes(StandardCharsets.UTF_8));

		assertThat(table.columns()).containsExactly("Datum", "Omschrijving", "Tegenpartij", "Bedrag", "Munt");
		assertThat(table.rows()).hasSize(2);
		assertThat(CsvStatement.suggest(table)).isEqualTo(
				new ImportMapping("Datum", "Bedrag", "Omschrijving", "Tegenpartij", "Munt", "EUR", "dd/MM/yyyy", ","));
	}

	@Test
	void guessesTheDateFormatThatReadsMostRowsEvenWhenOneRowIsWrong() {
		String csv = """
				Date,Amount
				03/11/2026,-1.00
				25/11/2026,-2.00
				31/11/2026,-3.00
				""";
		CsvStatement.Table table = CsvStatement.read(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(CsvStatement.suggest(table).dateFormat()).isEqualTo("dd/MM/yyyy");
	}

	@Test
	void parsesRowsWithTheMapping() {
		CsvStatement.Table table = CsvStatement.read(BELGIAN.getBytes(StandardCharsets.UTF_8));

		CsvStatement.Parsed parsed = CsvStatement.parse(table, CsvStatement.suggest(table));

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.transactions()).hasSize(2);
		assertThat(parsed.transactions().get(0).date()).isEqualTo(LocalDate.of(2026, 11, 3));
		assertThat(parsed.transactions().get(0).amount()).isEqualByComparingTo("-84.20");
		assertThat(parsed.transactions().get(0).description()).isEqualTo("Boodschappen; week 45");
		assertThat(parsed.transactions().get(1).amount()).isEqualByComparingTo("2450.00");
		assertThat(parsed.transactions().get(1).counterparty()).isEqualTo("Werkgever NV");
	}

	@Test
	void namesEveryRowAndFieldThatDoesNotFit() {
		String csv = """
				date,amount,description
				2026-11-01,12.50,ok
				2026-13-01,12.50,bad month
				2026-11-02,twelve,bad amount
				2026-11-03,1.00
				""";
		CsvStatement.Table table = CsvStatement.read(csv.getBytes(StandardCharsets.UTF_8));

		CsvStatement.Parsed parsed = CsvStatement.parse(table,
				new ImportMapping("date", "amount", "description", null, null, "EUR", "yyyy-MM-dd", "."));

		assertThat(parsed.transactions()).hasSize(1);
		assertThat(parsed.errors()).containsExactly(new RowError(2, "date", "import.row.date"),
				new RowError(3, "amount", "import.row.amount"), new RowError(4, "row", "import.row.columns"));
	}

	@Test
	void refusesAMappingToAColumnTheFileDoesNotHave() {
		CsvStatement.Table table = CsvStatement.read("date,amount\n2026-11-01,1\n".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> CsvStatement.parse(table,
				new ImportMapping("date", "Betrag", null, null, null, "EUR", "yyyy-MM-dd", ".")))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> {
				assertThat(refused.field()).isEqualTo("amountColumn");
				assertThat(refused.messageKey()).isEqualTo("import.column.unknown");
			});
		assertThatThrownBy(() -> CsvStatement.parse(table,
				new ImportMapping("date", "amount", null, null, null, "EURO", "yyyy-MM-dd", ".")))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.field()).isEqualTo("defaultCurrency"));
	}

	@Test
	void refusesFilesThatAreNotTextOrHaveNoRows() {
		assertThatThrownBy(() -> CsvStatement.read(new byte[] { '%', 'P', 'D', 'F', 0, 1, 2, '\n', '1', ',', '2' }))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("import.csv.not-text"));
		assertThatThrownBy(() -> CsvStatement.read("date,amount\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("import.csv.empty"));
	}

	/**
	 * Rabobank's CSV export as its documentation lays it out (quoted, comma-delimited,
	 * signed amounts with a decimal comma), saved in Latin-1 as many exports are: once
	 * refused as "not UTF-8".
	 */
	@Test
	void readsALatinOneExport() {
		String rabobank = """
				"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Omschrijving-1"
				"NL11RABO0101010101","EUR","RABONL2U","000000000000007213","2026-11-02","2026-11-02","-1,25","1234,50","","","Kosten Rabo Direct"
				"NL11RABO0101010101","EUR","RABONL2U","000000000000007214","2026-11-03","2026-11-03","-42,10","1192,40","NL20INGB0001234567","Café Pâtisserie Hélène","Koffie en gebak"
				""";
		CsvStatement.Table table = CsvStatement.read(rabobank.getBytes(Charset.forName("ISO-8859-1")));

		assertThat(table.columns()).contains("Naam tegenpartij", "Bedrag");
		assertThat(table.rows()).hasSize(2);
		assertThat(table.rows().get(1)).contains("Café Pâtisserie Hélène");
		ImportMapping suggested = CsvStatement.suggest(table);
		assertThat(suggested.amountColumn()).isEqualTo("Bedrag");
		assertThat(suggested.decimalSeparator()).isEqualTo(",");
		CsvStatement.Parsed parsed = CsvStatement.parse(table, new ImportMapping("Datum", "Bedrag", "Omschrijving-1",
				"Naam tegenpartij", "Munt", "EUR", "yyyy-MM-dd", ","));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.transactions()).extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-1.25", "-42.10");
	}

	/**
	 * A Hungarian statement saved in Windows-1250, as Central European banks' older
	 * exports are: read as Windows-1252 its "ő" and "ű" would come out as "õ" and "û".
	 */
	@Test
	void readsACentralEuropeanExport() {
		String otp = """
				Könyvelés dátuma;Összeg;Pénznem;Partner neve;Közlemény
				2026.11.02;-14870;HUF;ELMŰ-ÉMÁSZ Energiaszolgáltató Zrt.;Áramdíj 2026/10 fogyasztási hely, Budapest, Fő utca 12.
				2026.11.03;-12450;HUF;Fővárosi Vízművek Zrt.;Vízdíj október, számlaszám 4411-0912, köszönjük hogy időben fizet
				2026.11.05;685400;HUF;Példa Szoftverfejlesztő Kft.;Munkabér 2026. október, túlóra és bónusz nélkül
				2026.11.07;-8990;HUF;Szőlőskert Gyümölcsös Üzletház;Bevásárlás, őszi gyümölcsök és zöldségek, üdítő
				""";
		CsvStatement.Table table = CsvStatement.read(otp.getBytes(Charset.forName("windows-1250")));

		assertThat(table.columns()).contains("Könyvelés dátuma", "Összeg");
		assertThat(table.rows().get(0)).contains("ELMŰ-ÉMÁSZ Energiaszolgáltató Zrt.");
		assertThat(table.rows().get(3)).contains("Szőlőskert Gyümölcsös Üzletház");
	}

	/**
	 * Lloyds, Halifax and TSB name their two columns "Debit Amount" and "Credit Amount":
	 * money out and money in.
	 */
	@Test
	void debitAndCreditAmountColumnsAreTwoColumnsNotOneAmount() {
		String lloyds = """
				Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance
				03/11/2026,DEB,'30-99-50,12345678,TESCO STORES 3012,42.17,,1957.83
				04/11/2026,FPI,'30-99-50,12345678,EMPLOYER LTD SALARY,,2450.00,4407.83
				""";
		CsvStatement.Table table = CsvStatement.read(lloyds.getBytes(StandardCharsets.UTF_8));

		ImportMapping suggested = CsvStatement.suggest(table);

		assertThat(suggested.amountColumn()).isEqualTo("Debit Amount");
		assertThat(suggested.creditColumn()).isEqualTo("Credit Amount");
		assertThat(CsvStatement
			.parse(table,
					new ImportMapping(suggested.dateColumn(), suggested.amountColumn(), suggested.descriptionColumn(),
							null, null, "GBP", suggested.dateFormat(), suggested.decimalSeparator(),
							suggested.creditColumn(), null))
			.transactions()).extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-42.17", "2450.00");
	}

	/**
	 * Knab puts a title line above the header; the header is the first line as wide as
	 * the rows.
	 */
	@Test
	void passesOverATitleLineAboveTheHeader() {
		String knab = """
				KNAB EXPORT;;;;;;
				Rekeningnummer;Transactiedatum;Valutacode;CreditDebet;Bedrag;Tegenrekeningnummer;Omschrijving
				NL01KNAB0123456789;02-11-2026;EUR;D;12,50;NL91ABNA0417164300;Boodschappen
				NL01KNAB0123456789;03-11-2026;EUR;C;1500,00;NL20INGB0001234567;Salaris
				""";
		CsvStatement.Table table = CsvStatement.read(knab.getBytes(StandardCharsets.UTF_8));

		assertThat(table.columns()).containsExactly("Rekeningnummer", "Transactiedatum", "Valutacode", "CreditDebet",
				"Bedrag", "Tegenrekeningnummer", "Omschrijving");
		assertThat(table.rows()).hasSize(2);
	}

	/**
	 * ABN AMRO's .TAB export has no header line: its first line is already a transaction.
	 */
	@Test
	void readsAFileWithoutAHeaderLine() {
		String abnAmro = "123456789\tEUR\t20261102\t1.000,00\t987,50\t20261102\t-12,50\tBEA NR:123 ALBERT HEIJN\n"
				+ "123456789\tEUR\t20261103\t987,50\t2.487,50\t20261103\t1.500,00\tSALARIS NOVEMBER\n";

		CsvStatement.Table table = CsvStatement.read(abnAmro.getBytes(StandardCharsets.UTF_8));

		assertThat(table.columns()).containsExactly("Column 1", "Column 2", "Column 3", "Column 4", "Column 5",
				"Column 6", "Column 7", "Column 8");
		assertThat(table.rows()).hasSize(2);
		CsvStatement.Parsed parsed = CsvStatement.parse(table,
				new ImportMapping("Column 3", "Column 7", "Column 8", null, "Column 2", "EUR", "yyyyMMdd", ","));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.transactions()).extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-12.50", "1500.00");
	}

	@Test
	void readsAmountsWrittenTheWaysBanksWriteThem() {
		assertThat(CsvStatement.amount("1.234,56", true)).isEqualByComparingTo("1234.56");
		assertThat(CsvStatement.amount("1,234.56", false)).isEqualByComparingTo("1234.56");
		assertThat(CsvStatement.amount("(12.00)", false)).isEqualByComparingTo("-12.00");
		assertThat(CsvStatement.amount("12,00-", true)).isEqualByComparingTo("-12.00");
		assertThat(CsvStatement.amount("€ 7", false)).isEqualByComparingTo(BigDecimal.valueOf(7));
		assertThat(CsvStatement.amount("1.2.3", false)).isNull();
		assertThat(CsvStatement.amount("", false)).isNull();
	}

	/**
	 * ING NL exports unsigned amounts and an "Af Bij" column: a fee is money out, not
	 * income.
	 */
	@Test
	void signsUnsignedAmountsByTheirDebitCreditColumn() {
		String ing = """
				"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","Mutatiesoort","Mededelingen"
				"20261102","Kosten OranjePakket","NL01INGB0001234567","","DV","Af","1,25","Diversen","Kosten november"
				"20261103","Werkgever BV","NL01INGB0001234567","NL20RABO0123456789","OV","Bij","2500,00","Overschrijving","Salaris"
				""";
		CsvStatement.Table table = CsvStatement.read(ing.getBytes(StandardCharsets.UTF_8));

		ImportMapping suggested = CsvStatement.suggest(table);
		assertThat(suggested.directionColumn()).isEqualTo("Af Bij");
		assertThat(suggested.amountColumn()).isEqualTo("Bedrag (EUR)");
		assertThat(suggested.dateFormat()).isEqualTo("yyyyMMdd");
		assertThat(CsvStatement.parse(table, suggested).transactions()).extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-1.25", "2500.00");

		String knab = "Rekeningnummer;Transactiedatum;Valutacode;CreditDebet;Bedrag;Omschrijving\n"
				+ "NL01KNAB0123456789;02-11-2026;EUR;D;12,50;Boodschappen\nNL01KNAB0123456789;03-11-2026;EUR;C;1500,00;Salaris\n"
				+ "NL01KNAB0123456789;04-11-2026;EUR;?;3,00;Onbekend\n";
		CsvStatement.Table knabTable = CsvStatement.read(knab.getBytes(StandardCharsets.UTF_8));
		CsvStatement.Parsed parsed = CsvStatement.parse(knabTable, CsvStatement.suggest(knabTable));
		assertThat(parsed.transactions()).extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-12.50", "1500.00");
		assertThat(parsed.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.field()).isEqualTo("amount");
		});
	}

	/** Bank of Ireland has a Debit and a Credit column: credits were once lost. */
	@Test
	void readsSeparateDebitAndCreditColumns() {
		String boi = """
				Date,Details,Debit,Credit,Balance
				02/11/2026,POS TESCO DUBLIN,42.10,,1200.00
				03/11/2026,SALARY NOVEMBER,,2500.00,3700.00
				""";
		CsvStatement.Table table = CsvStatement.read(boi.getBytes(StandardCharsets.UTF_8));

		ImportMapping suggested = CsvStatement.suggest(table);
		assertThat(suggested.amountColumn()).isEqualTo("Debit");
		assertThat(suggested.creditColumn()).isEqualTo("Credit");
		assertThat(
				CsvStatement
					.parse(table,
							new ImportMapping("Date", "Debit", "Details", null, null, "EUR", "dd/MM/yyyy", ".",
									"Credit", null))
					.transactions())
			.extracting(Transaction::amount)
			.map(BigDecimal::toPlainString)
			.containsExactly("-42.10", "2500.00");
	}

	/**
	 * Revolut writes date-times, Sparkasse two-digit years, K&H "2026.11.02.": each is
	 * guessed and read.
	 */
	@Test
	void readsTheDatesAndDateTimesBanksWrite() {
		String revolut = """
				Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance
				CARD_PAYMENT,Current,2026-11-02 14:31:05,2026-11-03 09:12:44,Albert Heijn,-12.35,0.00,EUR,COMPLETED,487.65
				TOPUP,Current,2026-11-04 08:00:00,2026-11-04 08:00:01,Top-Up by *1234,100.00,0.00,EUR,COMPLETED,587.65
				""";
		CsvStatement.Table table = CsvStatement.read(revolut.getBytes(StandardCharsets.UTF_8));
		ImportMapping suggested = CsvStatement.suggest(table);
		assertThat(suggested.dateColumn()).isEqualTo("Started Date");
		assertThat(suggested.dateFormat()).isEqualTo("yyyy-MM-dd HH:mm:ss");
		assertThat(CsvStatement.parse(table, suggested).transactions()).extracting(Transaction::date)
			.containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4));

		String sparkasse = """
				"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Beguenstigter/Zahlungspflichtiger";"Betrag";"Waehrung"
				"DE02120300000000202051";"02.11.26";"02.11.26";"KARTENZAHLUNG";"REWE SAGT DANKE";"REWE Markt GmbH";"-23,45";"EUR"
				""";
		CsvStatement.Table german = CsvStatement.read(sparkasse.getBytes(StandardCharsets.UTF_8));
		assertThat(CsvStatement.suggest(german).dateFormat()).isEqualTo("dd.MM.yy");
		assertThat(CsvStatement
			.parse(german,
					new ImportMapping("Buchungstag", "Betrag", "Verwendungszweck", "Beguenstigter/Zahlungspflichtiger",
							"Waehrung", "EUR", "dd.MM.yy", ","))
			.transactions()).singleElement().satisfies(t -> {
				assertThat(t.date()).isEqualTo(LocalDate.of(2026, 11, 2));
				assertThat(t.amount()).isEqualByComparingTo("-23.45");
			});

		String kh = "Könyvelés dátuma;Összeg;Pénznem;Közlemény\n2026.11.02.;-4500,00;HUF;Bolt\n";
		CsvStatement.Table hungarian = CsvStatement.read(kh.getBytes(StandardCharsets.UTF_8));
		assertThat(CsvStatement
			.parse(hungarian,
					new ImportMapping("Könyvelés dátuma", "Összeg", "Közlemény", null, "Pénznem", "HUF", "yyyy.MM.dd.",
							","))
			.transactions()).extracting(Transaction::date).containsExactly(LocalDate.of(2026, 11, 2));
	}

}
