package org.openvrm.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How many decimals a currency's amounts have (ISO 4217's minor unit): JPY 0, EUR 2, KWD
 * and BHD 3. Unknown codes, and codes without a minor unit, take 2.
 */
public final class MinorUnit {

	private MinorUnit() {
	}

	/**
	 * The amount with its currency's decimals ("1500" EUR → 1500.00, "150000.00" JPY →
	 * 150000); an amount with more decimals than the currency has is left as it is rather
	 * than rounded.
	 */
	public static BigDecimal amount(BigDecimal amount, String currency) {
		if (amount == null) {
			return null;
		}
		int digits = of(currency);
		return amount.stripTrailingZeros().scale() > digits ? amount
				: amount.setScale(digits, RoundingMode.UNNECESSARY);
	}

	/**
	 * Whether the amount has no more decimals than its currency (12.345 is not a euro
	 * amount, but is a dinar one).
	 */
	public static boolean fits(BigDecimal amount, String currency) {
		return amount.stripTrailingZeros().scale() <= of(currency);
	}

	public static int of(String currency) {
		if (currency == null) {
			return 2;
		}
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return digits < 0 ? 2 : digits;
		}
		catch (IllegalArgumentException unknown) {
			return 2;
		}
	}

}
