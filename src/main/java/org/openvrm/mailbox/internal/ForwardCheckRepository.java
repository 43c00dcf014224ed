package org.openvrm.mailbox.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * The table {@code mail_forward_check}: whether the person proved their own address, to
 * which copies of their mail may be forwarded.
 */
@Repository
public class ForwardCheckRepository {

	private final JdbcClient jdbc;

	ForwardCheckRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's check: the address's and the code's hashes. */
	public record Check(String addressHash, String codeHash, Instant codeExpiresAt, int attempts, Instant verifiedAt) {
	}

	public Optional<Check> find(UUID personId) {
		return jdbc.sql("SELECT * FROM mail_forward_check WHERE person_id = ?")
			.param(personId)
			.query((rs, n) -> new Check(rs.getString("address_hash"), rs.getString("code_hash"),
					instant(rs, "code_expires_at"), rs.getInt("attempts"), instant(rs, "verified_at")))
			.optional();
	}

	/** A new code for the address; what was proved before no longer counts. */
	public void codeSent(UUID personId, String addressHash, String codeHash, Instant expiresAt) {
		// Replaced whole (in the caller's transaction): portable where upserts are not.
		jdbc.sql("DELETE FROM mail_forward_check WHERE person_id = ?").param(personId).update();
		jdbc.sql("""
				INSERT INTO mail_forward_check (person_id, address_hash, code_hash, code_expires_at, attempts)
				VALUES (?, ?, ?, ?, 0)
				""").params(personId, addressHash, codeHash, utc(expiresAt)).update();
	}

	public void attempted(UUID personId) {
		jdbc.sql("UPDATE mail_forward_check SET attempts = attempts + 1 WHERE person_id = ?").param(personId).update();
	}

	public void verified(UUID personId, Instant at) {
		jdbc.sql("UPDATE mail_forward_check SET verified_at = ?, code_hash = NULL WHERE person_id = ?")
			.params(utc(at), personId)
			.update();
	}

}
