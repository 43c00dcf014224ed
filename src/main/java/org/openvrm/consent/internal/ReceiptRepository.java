package org.openvrm.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.Receipt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Where consent receipts are kept ({@code consent_receipt}), each with the person's and
 * the vendor's id of its grant.
 */
@Repository
public class ReceiptRepository {

	/** Whose copies: the person's or the vendor's. */
	public enum Owner {

		PERSON("person_id"), VENDOR("vendor_id");

		private final String column;

		Owner(String column) {
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	ReceiptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the receipt for the grant's person and vendor. */
	public void insert(UUID id, UUID grantId, String event, String signed, Instant createdAt) {
		jdbc.sql("""
				INSERT INTO consent_receipt (id, grant_id, person_id, vendor_id, event, signed, created_at)
				SELECT ?, id, person_id, vendor_id, ?, ?, ? FROM consent_grant WHERE id = ?
				""").params(id, event, signed, utc(createdAt), grantId).update();
	}

	/** The owner's receipts, newest first; {@code grantId} null for all. */
	public List<Receipt> list(Owner owner, UUID ownerId, UUID grantId) {
		String oneGrant = grantId == null ? "" : " AND grant_id = ?";
		return jdbc
			.sql("SELECT * FROM consent_receipt WHERE " + owner.column + " = ?" + oneGrant
					+ " ORDER BY created_at DESC")
			.params(grantId == null ? List.of(ownerId) : List.of(ownerId, grantId))
			.query((rs, n) -> receipt(rs))
			.list();
	}

	public Optional<Receipt> find(Owner owner, UUID ownerId, UUID id) {
		return jdbc.sql("SELECT * FROM consent_receipt WHERE " + owner.column + " = ? AND id = ?")
			.params(ownerId, id)
			.query((rs, n) -> receipt(rs))
			.optional();
	}

	private static Receipt receipt(ResultSet rs) throws SQLException {
		return new Receipt(rs.getObject("id", UUID.class), rs.getObject("grant_id", UUID.class), rs.getString("event"),
				instant(rs, "created_at"), rs.getString("signed"));
	}

}
