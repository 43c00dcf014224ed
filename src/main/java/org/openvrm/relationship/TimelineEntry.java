package org.openvrm.relationship;

import java.util.UUID;

/**
 * One line of a relationship's timeline.
 *
 * @param kind a message key suffix ({@code timeline.<kind>} in the bundles)
 * @param detail a short, non-personal value (an agreement id, a status), or null
 */
public record TimelineEntry(UUID relationshipId, String kind, String detail) {
}
