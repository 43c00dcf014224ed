package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openvrm.vault.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement's figures as an expected-*.csv line of src/test/resources/statements gives
 * them: how many rows, the first and last row's date and signed amount (in file order),
 * the signed total and the currency.
 */
record StatementFigures(int rows, String firstDate, String firstAmount, String lastDate, String lastAmount,
		String total, String currency) {

	void assertMatch(CsvStatement.Parsed parsed) {
		assertThat(parsed.errors()).isEmpty();
		List<Transaction> read = parsed.transactions();
		assertThat(read).hasSize(rows);
		assertThat(read.get(0).date()).isEqualTo(LocalDate.parse(firstDate));
		assertThat(read.get(0).amount()).isEqualByComparingTo(firstAmount);
		assertThat(read.get(read.size() - 1).date()).isEqualTo(LocalDate.parse(lastDate));
		assertThat(read.get(read.size() - 1).amount()).isEqualByComparingTo(lastAmount);
		assertThat(read.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(total);
		assertThat(read).allSatisfy(row -> assertThat(row.currency()).isEqualTo(currency));
	}
}
