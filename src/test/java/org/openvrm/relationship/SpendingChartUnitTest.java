package org.openvrm.relationship;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrm.vault.MonthlySpending;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingChartUnitTest {

	static MonthlySpending spent(String month, String currency, String total) {
		return new MonthlySpending(YearMonth.parse(month), currency, new BigDecimal(total));
	}

	@Test
	void barsCoverEveryMonthOfTheMainCurrencyScaledToTheLargest() {
		SpendingChart chart = SpendingChart.of(List.of(spent("2026-07", "EUR", "50.00"),
				spent("2026-09", "EUR", "100.00"), spent("2026-08", "GBP", "20.00")));
		assertThat(chart.currency()).isEqualTo("EUR");
		assertThat(chart.bars()).extracting(SpendingChart.Bar::month)
			.containsExactly(YearMonth.parse("2026-07"), YearMonth.parse("2026-08"), YearMonth.parse("2026-09"));
		assertThat(chart.bars()).extracting(SpendingChart.Bar::height).containsExactly(50, 0, 100);
		assertThat(chart.bars()).extracting(SpendingChart.Bar::x).containsExactly(0, 40, 80);
		assertThat(chart.others()).containsExactly(spent("2026-08", "GBP", "20.00"));
		assertThat(chart.width()).isEqualTo(120);
	}

	@Test
	void onlyTheLastTwelveMonthsAreDrawnAndNothingMakesAnEmptyChart() {
		SpendingChart chart = SpendingChart.of(List.of(spent("2024-01", "EUR", "10"), spent("2026-06", "EUR", "5")));
		assertThat(chart.bars()).hasSize(12);
		assertThat(chart.bars().get(0).month()).isEqualTo(YearMonth.parse("2025-07"));
		assertThat(chart.bars().get(11).height()).isEqualTo(100);
		assertThat(SpendingChart.of(List.of()).isEmpty()).isTrue();
	}

}
