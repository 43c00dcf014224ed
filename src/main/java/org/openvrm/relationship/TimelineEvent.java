package org.openvrm.relationship;

import java.time.Instant;

/**
 * Something that happened in a relationship. {@code kind} is a message key suffix
 * ({@code timeline.<kind>}); {@code detail} is a short, non-personal value such as an
 * agreement id.
 */
public record TimelineEvent(Instant at, String kind, String detail) {
}
