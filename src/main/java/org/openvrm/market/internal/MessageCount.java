package org.openvrm.market.internal;

/**
 * How many messages one peer exchanged of one kind (an action received, a state sent).
 */
record MessageCount(String peerId, String kind, long messages) {
}
