package org.openvrm.vault.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One export per bank, written from each bank's documented layout
 * (src/test/resources/statements: the files, the layout sources in README.md, and
 * expected.csv, computed by a script that reads the files' bytes, not by this parser),
 * imported as a person would: the file is read in its own encoding, the mapping is the
 * one suggested (for files with a header line, the suggestion must find the date and
 * amount columns; for files without, the person names them and the rest is guessed), and
 * every row comes out with the right sign, date and currency.
 */
class BankStatementsUnitTest {

	private static final String FOLDER = "/statements/";

	/**
	 * What a person sets on the mapping page for the files that cannot say it themselves.
	 */
	private static final Map<String, String> CREDIT_COLUMN = Map.of("barclaycard.csv", "Column 6");

	record Expected(String file, int rows, String firstDate, String firstAmount, String lastDate, String lastAmount,
			String total, String currency, String dateColumn, String amountColumn) {

		boolean headerless() {
			return dateColumn.startsWith("Column ");
		}

		@Override
		public String toString() {
			return file;
		}
	}

	static List<Expected> statements() throws IOException {
		return read("expected.csv").lines()
			.skip(1)
			.map(line -> line.split(",", -1))
			.map(f -> new Expected(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]))
			.toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("statements")
	void importsWithTheRightSignsDatesAndCounts(Expected expected) throws IOException {
		CsvStatement.Table table = CsvStatement.read(bytes(expected.file()));
		ImportMapping suggested = CsvStatement.suggest(table);
		ImportMapping mapping = suggested;
		if (expected.headerless()) {
			mapping = chosen(table, suggested, expected);
		}
		else {
			assertThat(suggested.dateColumn()).isEqualTo(expected.dateColumn());
			assertThat(suggested.amountColumn()).isEqualTo(expected.amountColumn());
		}

		CsvStatement.Parsed parsed = CsvStatement.parse(table, mapping);

		new StatementFigures(expected.rows(), expected.firstDate(), expected.firstAmount(), expected.lastDate(),
				expected.lastAmount(), expected.total(), expected.currency())
			.assertMatch(parsed);
		List<Transaction> rows = parsed.transactions();
		assertThat(rows).as("each row says what it was for")
			.allSatisfy(row -> assertThat(row.description() != null || row.counterparty() != null).isTrue());
	}

	/**
	 * A file without a header line: the person names the date and amount columns (and,
	 * for Barclaycard, the credit column); the date format is still guessed from the
	 * chosen column's values, and a file that names no currency takes the one the person
	 * gives.
	 */
	private static ImportMapping chosen(CsvStatement.Table table, ImportMapping suggested, Expected expected) {
		String credit = CREDIT_COLUMN.get(expected.file());
		String currency = suggested.currencyColumn() != null ? suggested.defaultCurrency() : expected.currency();
		return new ImportMapping(expected.dateColumn(), expected.amountColumn(), suggested.descriptionColumn(),
				suggested.counterpartyColumn(), suggested.currencyColumn(), currency,
				CsvStatement.dateFormat(table, expected.dateColumn()),
				CsvStatement.decimalSeparator(table, expected.amountColumn()), credit, null);
	}

	private static byte[] bytes(String file) throws IOException {
		try (InputStream in = BankStatementsUnitTest.class.getResourceAsStream(FOLDER + file)) {
			return in.readAllBytes();
		}
	}

	private static String read(String file) throws IOException {
		return new String(bytes(file), StandardCharsets.UTF_8);
	}

}
