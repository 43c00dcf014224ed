package org.openvrm.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An address of the person's at the hub's mail domain, for one relationship: mail to it
 * lands on that relationship's channel, sealed to the person.
 *
 * @param address the whole address; its random local part names nobody
 * @param passedOn the domains not the vendor's that mail to it came from, the first seen
 * first; empty when nobody else wrote to it
 */
public record Alias(UUID id, UUID relationshipId, @Schema(example = "k7rm2xq9vhp4wd@mail.example.org") String address,
		@Schema(example = "OPEN") AliasState state, Instant createdAt, Instant changedAt, List<PassedOnFlag> passedOn) {
}
