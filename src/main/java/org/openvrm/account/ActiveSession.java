package org.openvrm.account;

import java.time.Instant;

/**
 * One signed-in session as the account's owner sees it. {@code handle} names it without
 * being the session id, which is a bearer secret and never leaves the server.
 */
public record ActiveSession(String handle, boolean current, Instant signedInAt, Instant lastSeenAt, String client,
		String address) {
}
