package org.openvrm.vault;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One record of personal data at one version; {@code fields} maps field names to values.
 */
public record Record(UUID id, int version, RecordKind kind, Map<String, String> fields, Instant updatedAt) {

	@Override
	public String toString() {
		return "Record[" + id + " v" + version + ", " + kind + "]";
	}
}
