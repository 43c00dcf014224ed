package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.ImportPreview.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvStatementTest {

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
		assertThat(CsvStatement.suggest(table))
			.isEqualTo(new ImportMapping("Datum", "Bedrag", "Omschrijving", "Tegenpartij", "Munt", "EUR", "dd/MM/yyyy", ","));
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
		assertThatThrownBy(() -> CsvStatement.parse(table, new ImportMapping("date", "amount", null, null, null, "EURO",
				"yyyy-MM-dd", "."))).isInstanceOfSatisfying(InvalidInput.class,
						refused -> assertThat(refused.field()).isEqualTo("defaultCurrency"));
	}

	@Test
	void refusesFilesThatAreNotUtf8OrHaveNoRows() {
		assertThatThrownBy(() -> CsvStatement.read(new byte[] { 'a', ',', (byte) 0xE9, '\n', '1', ',', '2' }))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.messageKey()).isEqualTo("import.csv.not-utf8"));
		assertThatThrownBy(() -> CsvStatement.read("date,amount\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.messageKey()).isEqualTo("import.csv.empty"));
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
}
