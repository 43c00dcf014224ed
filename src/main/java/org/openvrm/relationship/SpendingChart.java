package org.openvrm.relationship;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openvrm.vault.MonthlySpending;

/**
 * A bar chart of spending per month, drawn on the server as SVG so that it reads without
 * JavaScript (a table with the same figures sits beside it for screen readers). One
 * currency: the one most spent in; months with none are shown empty, up to the last
 * twelve.
 *
 * @param bars one per month, oldest first, with the bar's height in the chart's 0–100
 * units
 */
public record SpendingChart(String currency, BigDecimal largest, List<Bar> bars, List<MonthlySpending> others) {

	public static final int MONTHS = 12;

	public record Bar(YearMonth month, BigDecimal total, int height, int x) {
	}

	public static SpendingChart of(List<MonthlySpending> spending) {
		if (spending.isEmpty()) {
			return new SpendingChart(null, BigDecimal.ZERO, List.of(), List.of());
		}
		Map<String, BigDecimal> byCurrency = spending.stream()
			.collect(Collectors.toMap(MonthlySpending::currency, s -> s.total().abs(), BigDecimal::add));
		String currency = byCurrency.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		List<MonthlySpending> inCurrency = spending.stream().filter(s -> s.currency().equals(currency)).toList();
		YearMonth last = inCurrency.stream().map(MonthlySpending::month).max(Comparator.naturalOrder()).orElseThrow();
		YearMonth first = inCurrency.stream().map(MonthlySpending::month).min(Comparator.naturalOrder()).orElseThrow();
		if (first.isBefore(last.minusMonths(MONTHS - 1))) {
			first = last.minusMonths(MONTHS - 1);
		}
		YearMonth from = first;
		// Scaled to the largest month shown, not to one that fell out of the window.
		BigDecimal largest = inCurrency.stream()
			.filter(s -> !s.month().isBefore(from))
			.map(MonthlySpending::total)
			.map(BigDecimal::abs)
			.max(Comparator.naturalOrder())
			.orElse(BigDecimal.ZERO);
		List<Bar> bars = new ArrayList<>();
		int i = 0;
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			YearMonth current = month;
			BigDecimal total = inCurrency.stream()
				.filter(s -> s.month().equals(current))
				.map(MonthlySpending::total)
				.findFirst()
				.orElse(BigDecimal.ZERO);
			int height = largest.signum() == 0 ? 0
					: total.abs().multiply(BigDecimal.valueOf(100)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
			bars.add(new Bar(month, total, height, i++ * 40));
		}
		return new SpendingChart(currency, largest, bars,
				spending.stream().filter(s -> !s.currency().equals(currency)).toList());
	}

	public boolean isEmpty() {
		return bars.isEmpty();
	}

	/** The SVG's width in its own units: 40 per month. */
	public int width() {
		return Math.max(bars.size() * 40, 40);
	}
}
