package org.openvrm.market.internal;

import tools.jackson.databind.JsonNode;

/**
 * A message that passed the door: signed by a trusted peer, within its rate, well formed,
 * addressed to this hub's domain, and not seen before.
 *
 * @param message the body's {@code message} object
 */
public record Arrival(Peer peer, BecknContext context, JsonNode message) {
}
