package org.openvrm.mailbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A declared interest as a vendor whose subscriptions reach it sees it: never the person.
 *
 * @param introduced the status of the vendor's own introduction through it, or null when
 * it has sent none
 */
public record VendorInterest(String ref, String category, String region, BigDecimal budgetMin, BigDecimal budgetMax,
		String currency, String description, List<String> terms, Instant declaredAt, String introduced) {
}
