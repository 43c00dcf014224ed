package org.openvrm.intent;

/**
 * Where an intent is in its life; only a published intent is matched and takes offers.
 */
public enum IntentState {

	DRAFT, PUBLISHED, WITHDRAWN, EXPIRED, AWARDED, CLOSED;

	public boolean isOpen() {
		return this == PUBLISHED;
	}

	/**
	 * Whether the person can still change it: a draft, or a published intent (which
	 * republishes).
	 */
	public boolean isEditable() {
		return this == DRAFT || this == PUBLISHED;
	}

}
