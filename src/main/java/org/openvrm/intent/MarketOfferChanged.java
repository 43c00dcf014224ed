package org.openvrm.intent;

import java.util.UUID;

/**
 * A vendor posted, revised or withdrew an offer on an intent that came from the open
 * market: the offer goes back to the intent's origin.
 */
public record MarketOfferChanged(UUID intentId, UUID offerId, String origin) {
}
