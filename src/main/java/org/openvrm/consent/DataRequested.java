package org.openvrm.consent;

import java.util.UUID;

/** A vendor asked a person for data; published once the request is stored. */
public record DataRequested(UUID personId, UUID requestId) {
}
