package org.openvrm.intent;

public enum OfferState {

	OPEN, WITHDRAWN, ACCEPTED, NOT_CHOSEN

}
