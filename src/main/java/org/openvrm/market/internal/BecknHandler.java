package org.openvrm.market.internal;

/**
 * What the hub does with one Beckn action once a message of it passed the door. An action
 * without a handler is answered NACK 40001 (action not applicable).
 */
public interface BecknHandler {

	/** The action handled, such as {@code search} or {@code on_search}. */
	String action();

	/**
	 * Acts on a message, in the transaction that keeps it: a failure here leaves the
	 * message unseen, so the sender may send it again.
	 * @throws Nack when the message is well formed but cannot be served
	 */
	void handle(Arrival arrival);

}
