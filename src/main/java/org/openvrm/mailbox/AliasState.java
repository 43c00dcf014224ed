package org.openvrm.mailbox;

/**
 * Whether mail to an address gets in: {@code OPEN} it does, {@code PAUSED} it is refused
 * until the person opens the address again, {@code CLOSED} it is refused for good.
 */
public enum AliasState {

	OPEN, PAUSED, CLOSED

}
