package org.openvrm.platform;

/**
 * Input that is well-formed but cannot be accepted, naming the field to fix. The web
 * layer turns it into a form error, the API into a 422 problem; {@code messageKey} is a
 * message bundle key.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	private final String messageKey;

	public InvalidInput(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

}
