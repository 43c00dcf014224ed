package org.openvrm.relationship;

import java.util.UUID;

/**
 * Published inside the transaction that ends a relationship, so that every module can
 * withdraw what depended on it (agreements, grants, channels) before the change is
 * committed.
 */
public record RelationshipEnded(UUID relationshipId, UUID personId, UUID vendorId) {
}
