package org.openvrm.mailbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.utc;

/**
 * Attachments of mail ({@code mail_attachment}), sealed to the person until their vault
 * files them.
 */
@Repository
public class AttachmentRepository {

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an attachment is sealed to. */
	public static String binding(UUID attachmentId) {
		return "mail-attachment:" + attachmentId;
	}

	/**
	 * An attachment waiting to be filed, with the channel of the message it came with;
	 * {@code vendorId} is null for a vendor off the hub.
	 */
	public record Waiting(UUID id, UUID messageId, UUID relationshipId, UUID vendorId, byte[] sealed) {
	}

	public void insert(UUID id, UUID messageId, UUID personId, int position, byte[] sealed, Instant receivedAt) {
		jdbc.sql("""
				INSERT INTO mail_attachment (id, message_id, person_id, position, sealed, received_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(id, messageId, personId, position, sealed, utc(receivedAt)).update();
	}

	/**
	 * The person's attachments whose message is under the vault key already (the letter
	 * that names them can be rewritten), oldest first.
	 */
	public List<Waiting> waiting(UUID personId) {
		return jdbc.sql("""
				SELECT a.id, a.message_id, m.relationship_id, m.vendor_id, a.sealed
				FROM mail_attachment a JOIN mailbox_message m ON m.id = a.message_id
				WHERE a.person_id = ? AND m.content IS NOT NULL AND m.sealed IS NULL
				ORDER BY a.received_at, a.message_id, a.position
				""")
			.param(personId)
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
					rs.getObject("relationship_id", UUID.class), rs.getObject("vendor_id", UUID.class),
					rs.getBytes("sealed")))
			.list();
	}

	/**
	 * Takes the attachment out to be filed; false when it is gone already (filed by
	 * another request).
	 */
	public boolean take(UUID id, UUID personId) {
		return jdbc.sql("DELETE FROM mail_attachment WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.update() == 1;
	}

	public long waitingCount(UUID personId) {
		return jdbc.sql("SELECT count(*) FROM mail_attachment WHERE person_id = ?")
			.param(personId)
			.query(Long.class)
			.single();
	}

}
