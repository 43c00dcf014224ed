package org.openvrm.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a vendor may read of one customer: each active grant with its values, nothing
 * else.
 *
 * @param grants active grants, oldest first
 */
public record SharedData(String customerRef, List<Shared> grants) {

	/** One grant's share. {@code fields} maps field keys to values. */
	public record Shared(UUID grant, String agreementId, String purpose, String purposeCategory, Instant validUntil,
			Map<String, String> fields, List<Document> documents) {
	}

	/**
	 * A shared document's description; its bytes are at {@code .../data/documents/{id}}.
	 */
	public record Document(UUID id, String title, String fileName, String contentType, long size) {
	}
}
