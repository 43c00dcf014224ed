package org.openvrm.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened that a vendor should know about, as the feed and the webhooks
 * carry it. {@code cursor} orders the vendor's events; pass the last one seen as
 * {@code after}.
 */
public record VendorEvent(String cursor, UUID id, String type, Instant createdAt, Map<String, Object> data) {
}
