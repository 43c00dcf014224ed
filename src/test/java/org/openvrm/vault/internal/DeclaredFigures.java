package org.openvrm.vault.internal;

import java.math.BigDecimal;

import org.openvrm.vault.Invoice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an e-invoice declares, as an expected.csv line of src/test/resources/einvoices
 * gives it: number, seller, currency and the document totals (BT-106, BT-109, BT-110,
 * BT-112, BT-115; empty where the invoice has none).
 */
record DeclaredFigures(String number, String seller, String currency, String lineTotal, String netTotal,
		String taxTotal, String grossTotal, String payable) {

	void assertMatch(Invoice invoice) {
		assertThat(invoice.number()).isEqualTo(number);
		assertThat(invoice.seller()).isEqualTo(seller);
		assertThat(invoice.currency()).isEqualTo(currency);
		assertAmount(invoice.lineTotal(), lineTotal);
		assertAmount(invoice.netTotal(), netTotal);
		assertAmount(invoice.taxTotal(), taxTotal);
		assertAmount(invoice.grossTotal(), grossTotal);
		assertAmount(invoice.payable(), payable);
	}

	private static void assertAmount(BigDecimal actual, String expected) {
		if (expected.isEmpty()) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isEqualByComparingTo(expected);
		}
	}
}
