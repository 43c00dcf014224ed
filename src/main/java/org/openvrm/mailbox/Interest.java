package org.openvrm.mailbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something the person declares they are looking for, to be found by vendors they do not
 * know yet.
 *
 * @param ref the interest's own pseudonym, all a vendor ever sees of who declared it
 * @param introductions whether unknown vendors may introduce themselves through it
 * @param perMonth introductions accepted through it in any 30 days
 * @param terms the agreements an introducer must accept
 */
public record Interest(UUID id, String ref, String category, String region, BigDecimal budgetMin, BigDecimal budgetMax,
		String currency, String description, boolean introductions, int perMonth, List<String> terms,
		Instant createdAt) {
}
