package org.openvrm.consent.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which record each field comes from, and which documents: what a grant (or a service
 * share) names, in clear.
 */
public record GrantItems(Map<String, UUID> fields, List<UUID> documents) {
}
