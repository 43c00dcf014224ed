package org.openvrm.account.internal;

import java.time.Instant;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-time codes with which the first operator is created, each kept as a hash. */
@Repository
class OperatorSetupRepository {

	private final JdbcClient jdbc;

	OperatorSetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the code; one another node kept already stays as it is. */
	void insert(String codeHash, Instant createdAt) {
		jdbc.sql("INSERT INTO operator_setup (code_hash, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(codeHash, Timestamps.utc(createdAt))
			.update();
	}

	/** Marks the code used; false when it is unknown or was used already. */
	boolean markUsed(String codeHash, Instant now) {
		return jdbc.sql("UPDATE operator_setup SET used_at = ? WHERE code_hash = ? AND used_at IS NULL")
			.params(Timestamps.utc(now), codeHash)
			.update() != 0;
	}

	void deleteUnused() {
		jdbc.sql("DELETE FROM operator_setup WHERE used_at IS NULL").update();
	}

}
