package org.openvrm.delivery;

/**
 * What the receiver answered to a test event.
 *
 * @param status the HTTP status, or 0 when there was no answer
 * @param body the first kilobyte of the answer
 * @param problem why there was no answer (refused address, timeout, connection refused),
 * or null
 */
public record TestDelivery(String webhookId, int status, String body, long millis, String problem) {

	public boolean delivered() {
		return status >= 200 && status < 300;
	}
}
