package org.openvrm.intent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A vendor's acceptance of an intent's terms, signed by the hub ({@code signed}, a JWS of
 * type {@code intent-agreement} checkable with the keys at /.well-known/jwks.json). At
 * the award the relationship's records of the same agreements are accepted in the
 * vendor's name.
 */
public record IntentAgreement(UUID id, String intentRef, List<String> agreements, String acceptedBy, Instant acceptedAt,
		String signed) {
}
