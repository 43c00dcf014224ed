package org.openvrm.delivery;

import java.util.UUID;

/**
 * What one vendor is told.
 *
 * @param type the event's name, such as {@code grant.created}
 * @param data a record marked {@link VendorEventData} for that name
 */
public record VendorNotice(UUID vendorId, String type, Record data) {
}
