package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushedStatementUnitTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsTheDocumentedJsonAndCsvForms() {
		var json = PushedStatement.read(
				("{\"transactions\":[{\"date\":\"2026-10-01\",\"amount\":-42.5,\"currency\":\"eur\","
						+ "\"description\":\"Plan\",\"counterparty\":\"Telco\"}]}")
					.getBytes(StandardCharsets.UTF_8),
				true, JSON);
		assertThat(json).singleElement().satisfies(t -> {
			assertThat(t.date()).isEqualTo(LocalDate.of(2026, 10, 1));
			assertThat(t.amount()).isEqualByComparingTo(new BigDecimal("-42.5"));
			assertThat(t.currency()).isEqualTo("EUR");
			assertThat(t.counterparty()).isEqualTo("Telco");
		});
		var csv = PushedStatement
			.read("date,amount,currency,description\n2026-10-01,-42.50,EUR,Plan\n2026-11-01,-42.50,EUR,Plan\n"
				.getBytes(StandardCharsets.UTF_8), false, JSON);
		assertThat(csv).hasSize(2).allSatisfy(t -> assertThat(t.description()).isEqualTo("Plan"));
	}

	@Test
	void refusesWhatDoesNotFitNamingTheRowAndField() {
		assertThatThrownBy(() -> PushedStatement.read(
				"{\"transactions\":[{\"date\":\"01/10/2026\",\"amount\":\"1\",\"currency\":\"EUR\",\"description\":\"x\"}]}"
					.getBytes(StandardCharsets.UTF_8),
				true, JSON))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.field()).isEqualTo("rows[1].date"));
		assertThatThrownBy(
				() -> PushedStatement.read("{\"transactions\":[]}".getBytes(StandardCharsets.UTF_8), true, JSON))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> PushedStatement.read("not json".getBytes(StandardCharsets.UTF_8), true, JSON))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> PushedStatement.read("when,how much\n2026-10-01,1\n".getBytes(StandardCharsets.UTF_8),
				false, JSON))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.messageKey()).isEqualTo("push.transactions.columns"));
	}

}
