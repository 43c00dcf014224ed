package org.openvrm.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats amounts for pages ({@code @money.of(amount, 'EUR')}) in the reader's language.
 */
@Component("money")
class DisplayMoney {

	public String of(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
		try {
			if (currency != null) {
				format.setCurrency(Currency.getInstance(currency));
			}
		}
		catch (IllegalArgumentException unknown) {
			return amount.toPlainString() + " " + currency;
		}
		return format.format(amount);
	}

}
