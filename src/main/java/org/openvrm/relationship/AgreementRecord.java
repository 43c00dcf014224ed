package org.openvrm.relationship;

import java.time.Instant;
import java.util.UUID;

/**
 * One agreement of the roster proffered in one relationship, and its fate. Once accepted
 * it carries {@code signedRecord}: a JWS the hub signed (keys at /.well-known/jwks.json)
 * naming the agreement (id, version, digest), who proffered it, who accepted it, and
 * when.
 */
public record AgreementRecord(UUID id, String customerRef, String agreementId, String version, String digest,
		State state, Instant profferedAt, Instant decidedAt, String decidedBy, String signedRecord) {

	public enum State {

		PROFFERED, ACCEPTED, DECLINED, WITHDRAWN, ENDED

	}
}
