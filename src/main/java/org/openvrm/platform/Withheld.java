package org.openvrm.platform;

/**
 * Something a vendor asked for exists but is not (or no longer) theirs to have: 403 when
 * it was never given, 410 Gone when it was and has been taken back. {@code messageKey}
 * says which.
 */
public class Withheld extends RuntimeException {

	private final boolean gone;

	private final String messageKey;

	public Withheld(boolean gone, String messageKey) {
		super(messageKey);
		this.gone = gone;
		this.messageKey = messageKey;
	}

	public boolean gone() {
		return gone;
	}

	public String messageKey() {
		return messageKey;
	}

}
