package org.openvrm.relationship;

import java.util.UUID;

/**
 * An accepted agreement no longer stands: the person stopped proffering it, or the
 * relationship ended. Published inside the transaction that ended it, so that what
 * depended on it (grants) ends in the same commit.
 */
public record AgreementEnded(UUID relationshipId, UUID agreementRecordId) {
}
