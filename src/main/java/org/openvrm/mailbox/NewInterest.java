package org.openvrm.mailbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * An interest as the person writes it.
 *
 * @param category a taxonomy id
 * @param region a region code, or null for anywhere
 * @param budgetMin optional lower end of the budget band; with {@code budgetMax}, in
 * {@code currency}
 * @param description free text shown to vendors, at most 1,000 characters
 * @param introductions open to introductions from unknown vendors (default no)
 * @param perMonth at most this many introductions in any 30 days, 0–50 (default 3)
 * @param terms agreement ids an introducer must accept (default: the person's proffered
 * terms)
 */
public record NewInterest(String category, String region, BigDecimal budgetMin, BigDecimal budgetMax, String currency,
		String description, Boolean introductions, Integer perMonth, List<String> terms) {
}
