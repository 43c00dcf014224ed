package org.openvrm.platform.internal;

import java.time.Instant;
import java.util.Optional;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests made with an {@code Idempotency-Key}, and their sealed answers once done. */
@Repository
public class IdempotentRequestRepository {

	/** A keyed request: RUNNING, or DONE with its sealed answer. */
	public record Stored(String requestHash, String state, byte[] sealed, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	IdempotentRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks the request running. @throws org.springframework.dao.DuplicateKeyException
	 * when a request with the same id is kept already
	 */
	public void insertRunning(String id, String requestHash, Instant createdAt) {
		jdbc.sql("INSERT INTO idempotent_request (id, request_hash, state, created_at) VALUES (?, ?, 'RUNNING', ?)")
			.params(id, requestHash, Timestamps.utc(createdAt))
			.update();
	}

	public Optional<Stored> find(String id) {
		return jdbc.sql("SELECT request_hash, state, sealed_response, created_at FROM idempotent_request WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3),
					Timestamps.instant(rs, "created_at")))
			.optional();
	}

	public void markDone(String id, byte[] sealedResponse) {
		jdbc.sql("UPDATE idempotent_request SET state = 'DONE', sealed_response = ? WHERE id = ?")
			.params(sealedResponse, id)
			.update();
	}

	public void delete(String id) {
		jdbc.sql("DELETE FROM idempotent_request WHERE id = ?").param(id).update();
	}

	public void deleteCreatedBefore(Instant before) {
		jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?").param(Timestamps.utc(before)).update();
	}

}
