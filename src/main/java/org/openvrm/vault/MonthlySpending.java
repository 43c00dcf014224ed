package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.YearMonth;

/** What the person paid in one month and currency, summed from invoices' gross totals. */
public record MonthlySpending(YearMonth month, String currency, BigDecimal total) {
}
