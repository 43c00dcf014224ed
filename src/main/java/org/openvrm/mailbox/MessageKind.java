package org.openvrm.mailbox;

import java.util.Locale;
import java.util.Optional;

/**
 * What a vendor says a message is: about the service the person has, or selling
 * something.
 */
public enum MessageKind {

	SERVICE, MARKETING;

	static Optional<MessageKind> parse(String given) {
		if (given == null || given.isBlank()) {
			return Optional.of(SERVICE);
		}
		try {
			return Optional.of(valueOf(given.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException unknown) {
			return Optional.empty();
		}
	}

}
