package org.openvrm.consent;

import java.time.Instant;
import java.util.List;

/**
 * The fields the person lets their policies disclose while they are away, and when the
 * copy was last refreshed. Values are not part of this view.
 *
 * @param filled the fields that have a value now (the others wait for a record that has
 * one)
 */
public record ServiceShare(List<String> fields, List<String> filled, Instant updatedAt) {
}
