package org.openvrm.platform;

/** The resource exists but must be unlocked by its owner first: 423 Locked in the API. */
public class Locked extends RuntimeException {

	public Locked(String message) {
		super(message);
	}

}
