package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message on a channel as the vendor sees it: the person's replies in full, the
 * vendor's own messages by id and kind only (the hub keeps no readable copy of them).
 *
 * @param from {@code vendor} or {@code person}
 */
public record SentMessage(UUID id, String customerRef, String from, MessageKind kind, String subject, String body,
		Instant sentAt) {
}
