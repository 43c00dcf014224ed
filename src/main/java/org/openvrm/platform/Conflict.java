package org.openvrm.platform;

/**
 * The input clashes with something that already exists (an e-mail already registered,
 * say): a 409 in the API, a form error on the named field in the UI.
 */
public class Conflict extends InvalidInput {

	public Conflict(String field, String messageKey) {
		super(field, messageKey);
	}

}
