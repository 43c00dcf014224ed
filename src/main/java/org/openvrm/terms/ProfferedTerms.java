package org.openvrm.terms;

import java.time.Instant;
import java.util.List;

/**
 * The agreements a person proffers to every vendor unless a relationship says otherwise.
 *
 * @param chosen false while the person has not chosen yet and the hub's defaults apply
 * @param updatedAt when the person last chose, or null
 */
public record ProfferedTerms(List<String> agreements, boolean chosen, Instant updatedAt) {
}
