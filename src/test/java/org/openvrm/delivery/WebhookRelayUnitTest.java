package org.openvrm.delivery;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRelayUnitTest {

	@Test
	void retriesBackOffExponentiallyUpToSixHoursBetweenAttempts() {
		assertThat(WebhookRelay.backOff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(WebhookRelay.backOff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(WebhookRelay.backOff(5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(WebhookRelay.backOff(11)).isEqualTo(Duration.ofHours(6));
		assertThat(WebhookRelay.backOff(60)).isEqualTo(Duration.ofHours(6));
		// Attempts spread over the 72 hours: about twenty before the relay gives up.
		Duration elapsed = Duration.ZERO;
		int attempts = 0;
		while (elapsed.compareTo(WebhookRelay.GIVE_UP_AFTER) <= 0) {
			attempts++;
			elapsed = elapsed.plus(WebhookRelay.backOff(attempts));
		}
		assertThat(attempts).isBetween(15, 25);
	}

	@Test
	void everyAttemptOfOneEventCarriesTheSameWebhookId() {
		UUID event = UUID.randomUUID();
		assertThat(WebhookRelay.webhookId(event)).isEqualTo(WebhookRelay.webhookId(event)).isEqualTo(event.toString());
	}

}
