package org.openvrm.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the person grants.
 *
 * @param agreementId one of the relationship's accepted agreements; null for the first of
 * them
 * @param fields field keys ({@code email.address}); each takes its value from the
 * person's record named in {@code sources}, or else from their first record that has it
 * @param until the last day of the grant, or null for "until I revoke"
 */
public record NewGrant(UUID relationshipId, String agreementId, String purpose, List<String> fields,
		Map<String, UUID> sources, List<UUID> documents, LocalDate until) {
}
