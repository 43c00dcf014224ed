package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of {@code vault_document}: each document's sealed metadata, its wrapped content
 * key and its encrypted content.
 */
@Repository
public class DocumentRepository {

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A document's sealed metadata and when it was added. */
	public record Sealed(UUID id, byte[] metadata, Instant createdAt) {
	}

	/** A whole document as stored: metadata, wrapped key and content. */
	public record Stored(byte[] metadata, byte[] contentKey, byte[] content, Instant createdAt) {
	}

	/** The cipher label of a document's metadata. */
	public static String metadataBinding(UUID id) {
		return "document-meta:" + id;
	}

	/** The cipher label of a document's wrapped content key. */
	public static String keyBinding(UUID id) {
		return "document-key:" + id;
	}

	/** The cipher label of a document's content. */
	public static String contentBinding(UUID id) {
		return "document-content:" + id;
	}

	public void insert(UUID id, UUID account, byte[] metadata, byte[] contentKey, byte[] content, Instant now) {
		jdbc.sql("""
				INSERT INTO vault_document (id, account_id, metadata, content_key, content, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(id, account, metadata, contentKey, content, Timestamps.utc(now)).update();
	}

	/** The metadata of all the person's documents. */
	public List<Sealed> list(UUID account) {
		return jdbc.sql("SELECT id, metadata, created_at FROM vault_document WHERE account_id = ?")
			.param(account)
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("metadata"),
					Timestamps.instant(rs, "created_at")))
			.list();
	}

	public Optional<Sealed> find(UUID id, UUID account) {
		return jdbc.sql("SELECT id, metadata, created_at FROM vault_document WHERE account_id = ? AND id = ?")
			.params(account, id)
			.query((rs, n) -> new Sealed(id, rs.getBytes("metadata"), Timestamps.instant(rs, "created_at")))
			.optional();
	}

	/** The document with its content. */
	public Optional<Stored> findWithContent(UUID id, UUID account) {
		return jdbc.sql(
				"SELECT metadata, content_key, content, created_at FROM vault_document WHERE account_id = ? AND id = ?")
			.params(account, id)
			.query((rs, n) -> new Stored(rs.getBytes("metadata"), rs.getBytes("content_key"), rs.getBytes("content"),
					Timestamps.instant(rs, "created_at")))
			.optional();
	}

	/** False when there was no such document. */
	public boolean delete(UUID id, UUID account) {
		return jdbc.sql("DELETE FROM vault_document WHERE account_id = ? AND id = ?").params(account, id).update() > 0;
	}

}
