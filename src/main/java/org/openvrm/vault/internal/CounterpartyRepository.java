package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_counterparty}: the person's counterparties, each sealed. */
@Repository
public class CounterpartyRepository {

	private final JdbcClient jdbc;

	CounterpartyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A counterparty as stored. */
	public record Sealed(UUID id, byte[] sealed) {
	}

	/** The cipher label of a counterparty. */
	public static String binding(UUID id) {
		return "counterparty:" + id;
	}

	public void insert(UUID id, UUID account, UUID importId, byte[] sealed, Instant now) {
		jdbc.sql(
				"INSERT INTO vault_counterparty (id, account_id, import_id, sealed, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, account, importId, sealed, Timestamps.utc(now))
			.update();
	}

	public List<Sealed> list(UUID account) {
		return jdbc.sql("SELECT id, sealed FROM vault_counterparty WHERE account_id = ?")
			.param(account)
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list();
	}

	/** False when there was no such counterparty. */
	public boolean delete(UUID id, UUID account) {
		return jdbc.sql("DELETE FROM vault_counterparty WHERE id = ? AND account_id = ?")
			.params(id, account)
			.update() > 0;
	}

}
