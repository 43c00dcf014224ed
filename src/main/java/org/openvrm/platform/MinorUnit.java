package org.openvrm.platform;

import java.util.Currency;

/**
 * How many decimals a currency's amounts have (ISO 4217's minor unit): JPY 0, EUR 2, KWD and BHD 3.
 * Unknown codes, and codes without a minor unit, take 2.
 */
public final class MinorUnit {

	private MinorUnit() {
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
