package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_contract}: the person's contracts, each sealed. */
@Repository
public class ContractRepository {

	private final JdbcClient jdbc;

	ContractRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A contract as stored. */
	public record Sealed(UUID id, byte[] sealed) {
	}

	/** The cipher label of a contract. */
	public static String binding(UUID id) {
		return "contract:" + id;
	}

	/** Replaces a contract; false when the person has none with this id. */
	public boolean update(UUID id, UUID account, byte[] sealed, Instant now) {
		return jdbc.sql("UPDATE vault_contract SET sealed = ?, updated_at = ? WHERE id = ? AND account_id = ?")
			.params(sealed, Timestamps.utc(now), id, account)
			.update() > 0;
	}

	public void insert(UUID id, UUID account, byte[] sealed, Instant now) {
		jdbc.sql("INSERT INTO vault_contract (id, account_id, sealed, updated_at) VALUES (?, ?, ?, ?)")
			.params(id, account, sealed, Timestamps.utc(now))
			.update();
	}

	public List<Sealed> list(UUID account) {
		return jdbc.sql("SELECT id, sealed FROM vault_contract WHERE account_id = ?")
			.param(account)
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list();
	}

	public Optional<byte[]> find(UUID id, UUID account) {
		return jdbc.sql("SELECT sealed FROM vault_contract WHERE id = ? AND account_id = ?")
			.params(id, account)
			.query((rs, n) -> rs.getBytes("sealed"))
			.optional();
	}

	/** False when there was no such contract. */
	public boolean delete(UUID id, UUID account) {
		return jdbc.sql("DELETE FROM vault_contract WHERE id = ? AND account_id = ?").params(id, account).update() > 0;
	}

}
