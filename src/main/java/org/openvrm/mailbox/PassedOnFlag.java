package org.openvrm.mailbox;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Mail to an address came from a domain that is not its vendor's: the address was given
 * to someone else. Only the sender's organizational domain is kept, never the sender's
 * address or anything of the message.
 *
 * @param domain the sender's organizational domain (from the header {@code From:}, else
 * the envelope sender)
 * @param messages how many messages came from it
 */
@Schema(description = "Mail to this address came from a domain that is not its vendor's: the address was given to "
		+ "someone else. The mail is still delivered while the address is open; closing it refuses the next message.")
public record PassedOnFlag(@Schema(example = "spam.example") String domain, @Schema(example = "3") long messages,
		Instant firstSeen, Instant lastSeen) {
}
