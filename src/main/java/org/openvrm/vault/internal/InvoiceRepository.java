package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_invoice}: the person's invoices, each sealed. */
@Repository
public class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An invoice as stored. */
	public record Sealed(UUID id, byte[] sealed) {
	}

	/** The cipher label of an invoice. */
	public static String binding(UUID id) {
		return "invoice:" + id;
	}

	public void insert(UUID id, UUID account, byte[] sealed, Instant now) {
		jdbc.sql("INSERT INTO vault_invoice (id, account_id, sealed, created_at) VALUES (?, ?, ?, ?)")
			.params(id, account, sealed, Timestamps.utc(now))
			.update();
	}

	public List<Sealed> list(UUID account) {
		return jdbc.sql("SELECT id, sealed FROM vault_invoice WHERE account_id = ?")
			.param(account)
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list();
	}

	public Optional<byte[]> find(UUID id, UUID account) {
		return jdbc.sql("SELECT sealed FROM vault_invoice WHERE id = ? AND account_id = ?")
			.params(id, account)
			.query((rs, n) -> rs.getBytes("sealed"))
			.optional();
	}

	/** False when there was no such invoice. */
	public boolean delete(UUID id, UUID account) {
		return jdbc.sql("DELETE FROM vault_invoice WHERE id = ? AND account_id = ?").params(id, account).update() > 0;
	}

}
