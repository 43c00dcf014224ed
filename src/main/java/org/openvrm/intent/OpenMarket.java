package org.openvrm.intent;

/**
 * Whether this hub takes part in the open market, so that a person may choose to publish
 * beyond it. Provided by the {@code market} module (which depends on this one, not the
 * other way round); without it, intents reach this hub's vendors only.
 */
public interface OpenMarket {

	boolean isOpen();

}
