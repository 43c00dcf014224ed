package org.openvrm.platform;

/**
 * Something the hub depends on did not answer (the operator's mail relay, say) and
 * nothing was done: a 503 in the API, a message on the page in the UI. The caller may try
 * again later. {@code messageKey} says what failed.
 */
public class Unavailable extends RuntimeException {

	private final String messageKey;

	public Unavailable(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
