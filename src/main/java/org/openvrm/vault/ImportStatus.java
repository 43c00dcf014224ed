package org.openvrm.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * An import and how far it got: {@code imported} of {@code total} rows or contacts.
 * {@code fileName} is the uploaded file's name (statements uploaded since session 14;
 * null before and for contacts). {@code alreadyThere} counts the rows of a finished
 * statement that the vault held already (it overlapped an earlier one) and that were
 * therefore not added again.
 */
public record ImportStatus(UUID id, Kind kind, State state, int total, int imported, Instant createdAt,
		Instant finishedAt, String fileName, int alreadyThere) {

	public enum Kind {

		TRANSACTIONS, CONTACTS

	}

	public enum State {

		/** Uploaded, waiting for the person to map its columns and commit. */
		MAPPING,
		/** Being stored; {@code imported} grows. */
		RUNNING, DONE,
		/** Stopped by an error; nothing of it was kept. */
		FAILED

	}

	public int percent() {
		return state == State.DONE ? 100 : total == 0 ? 0 : imported * 100 / total;
	}

}
