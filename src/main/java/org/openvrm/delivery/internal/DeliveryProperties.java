package org.openvrm.delivery.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery module's settings ({@code openvrm.webhooks.*}); how often the relay runs,
 * {@code openvrm.webhooks.relay-interval}, is read by its schedule, with its default in
 * {@code application.properties}.
 *
 * @param allowPrivateAddresses whether endpoints may be on private addresses (tests and
 * closed networks only)
 * @param firstRetry the first wait before a failed delivery is tried again, doubling
 * after
 * @param senders how many deliveries of one batch go out at once
 */
@ConfigurationProperties("openvrm.webhooks")
public record DeliveryProperties(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("16") int senders) {
}
