package org.openvrm.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.mailbox.MessageKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** The mailbox's messages ({@code mailbox_message}), both directions. */
@Repository
public class MessageRepository {

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a message's content is bound to when sealed or encrypted. */
	public static String binding(UUID messageId) {
		return "message:" + messageId;
	}

	/** A message still sealed to the person (not yet under the vault key). */
	public record Sealed(UUID id, byte[] sealed) {
	}

	/** A message as stored, its content encrypted under the person's vault key. */
	public record Stored(UUID id, UUID relationshipId, UUID vendorId, boolean incoming, MessageKind kind,
			Instant sentAt, byte[] content, Instant readAt, boolean archived) {
	}

	/**
	 * A line of a channel as the vendor sees it; {@code vendorCopy} only on the person's.
	 */
	public record VendorLine(UUID id, boolean incoming, MessageKind kind, Instant sentAt, String vendorCopy) {
	}

	/** Unread incoming messages and the latest message, per channel of the person. */
	public record Activity(long unread, Instant lastAt) {
	}

	public List<Sealed> sealed(UUID personId) {
		return jdbc.sql("SELECT id, sealed FROM mailbox_message WHERE person_id = ? AND sealed IS NOT NULL")
			.param(personId)
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list();
	}

	/** Keeps the message under the vault key instead of sealed. */
	public void unseal(UUID id, UUID personId, byte[] content) {
		jdbc.sql("UPDATE mailbox_message SET content = ?, sealed = NULL WHERE id = ? AND person_id = ?")
			.params(content, id, personId)
			.update();
	}

	/** The person's messages, newest first. */
	public List<Stored> ofPerson(UUID personId, boolean archived) {
		return jdbc.sql("SELECT * FROM mailbox_message WHERE person_id = ? AND archived = ? ORDER BY sent_at DESC")
			.params(personId, archived)
			.query((rs, n) -> stored(rs))
			.list();
	}

	/** One channel's messages, oldest first. */
	public List<Stored> thread(UUID relationshipId, UUID personId) {
		return jdbc.sql("SELECT * FROM mailbox_message WHERE relationship_id = ? AND person_id = ? ORDER BY sent_at")
			.params(relationshipId, personId)
			.query((rs, n) -> stored(rs))
			.list();
	}

	public void markRead(UUID relationshipId, UUID personId, Instant at) {
		jdbc.sql(
				"UPDATE mailbox_message SET read_at = ? WHERE relationship_id = ? AND person_id = ? AND read_at IS NULL")
			.params(utc(at), relationshipId, personId)
			.update();
	}

	/** The person's reply, read already. */
	public void insertReply(UUID id, UUID personId, UUID relationshipId, UUID vendorId, Instant at, byte[] content,
			String vendorCopy) {
		jdbc.sql(
				"""
						INSERT INTO mailbox_message (id, person_id, relationship_id, vendor_id, direction, kind, sent_at, content, vendor_copy, read_at)
						VALUES (?, ?, ?, ?, 'OUT', 'SERVICE', ?, ?, ?, ?)
						""")
			.params(id, personId, relationshipId, vendorId, utc(at), content, vendorCopy, utc(at))
			.update();
	}

	/** A vendor's message, sealed to the person. */
	public void insertIncoming(UUID id, UUID personId, UUID relationshipId, UUID vendorId, MessageKind kind, Instant at,
			byte[] sealed) {
		insertIncoming(id, personId, relationshipId, vendorId, null, kind, at, sealed);
	}

	/** A message that came in by mail, to the address {@code aliasId}. */
	public void insertIncoming(UUID id, UUID personId, UUID relationshipId, UUID vendorId, UUID aliasId,
			MessageKind kind, Instant at, byte[] sealed) {
		jdbc.sql("""
				INSERT INTO mailbox_message (id, person_id, relationship_id, vendor_id, alias_id, direction, kind,
				    sent_at, sealed)
				VALUES (?, ?, ?, ?, ?, 'IN', ?, ?, ?)
				""").params(id, personId, relationshipId, vendorId, aliasId, kind.name(), utc(at), sealed).update();
	}

	/** Archives or unarchives the person's message, marking it read; how many rows. */
	public int archive(UUID id, UUID personId, boolean archived, Instant readAt) {
		return jdbc.sql(
				"UPDATE mailbox_message SET archived = ?, read_at = COALESCE(read_at, ?) WHERE id = ? AND person_id = ?")
			.params(archived, utc(readAt), id, personId)
			.update();
	}

	/** The vendors' messages to the person not archived and sent before the cut-off. */
	public List<UUID> inboxBefore(UUID personId, Instant cutoff) {
		return jdbc.sql(
				"SELECT id FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND archived = FALSE AND sent_at < ?")
			.params(personId, utc(cutoff))
			.query(UUID.class)
			.list();
	}

	public void unarchive(UUID id, UUID personId) {
		jdbc.sql("UPDATE mailbox_message SET archived = FALSE WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.update();
	}

	/** Incoming messages the person has not read yet, outside the archive. */
	public long unread(UUID personId) {
		return jdbc.sql(
				"SELECT count(*) FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND read_at IS NULL AND archived = FALSE")
			.param(personId)
			.query(Long.class)
			.single();
	}

	/** Incoming messages not read yet that came after {@code since}, archived or not. */
	public long unreadSince(UUID personId, Instant since) {
		return jdbc
			.sql("""
					SELECT count(*) FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND read_at IS NULL AND sent_at > ?
					""")
			.params(personId, utc(since))
			.query(Long.class)
			.single();
	}

	/**
	 * When the channel's incoming messages after {@code since} were sent, oldest first.
	 */
	public List<Instant> incomingSince(UUID relationshipId, Instant since) {
		return jdbc
			.sql("""
					SELECT sent_at FROM mailbox_message WHERE relationship_id = ? AND direction = 'IN' AND sent_at > ? ORDER BY sent_at
					""")
			.params(relationshipId, utc(since))
			.query((rs, n) -> instant(rs, "sent_at"))
			.list();
	}

	/** The channel as the vendor sees it, oldest first. */
	public List<VendorLine> vendorThread(UUID relationshipId, UUID vendorId) {
		return jdbc
			.sql("""
					SELECT id, direction, kind, sent_at, vendor_copy FROM mailbox_message WHERE relationship_id = ? AND vendor_id = ?
					ORDER BY sent_at
					""")
			.params(relationshipId, vendorId)
			.query((rs, n) -> {
				boolean incoming = "IN".equals(rs.getString("direction"));
				return new VendorLine(rs.getObject("id", UUID.class), incoming,
						MessageKind.valueOf(rs.getString("kind")), instant(rs, "sent_at"),
						incoming ? null : rs.getString("vendor_copy"));
			})
			.list();
	}

	/** Unread incoming messages and the latest message, per channel of the person. */
	public Map<UUID, Activity> activity(UUID personId) {
		Map<UUID, Activity> all = new HashMap<>();
		jdbc.sql("""
				SELECT relationship_id, count(*) FILTER (WHERE direction = 'IN' AND read_at IS NULL) AS unread,
				       max(sent_at) AS last_at
				FROM mailbox_message WHERE person_id = ? GROUP BY relationship_id
				""")
			.param(personId)
			.query((rs, n) -> all.put(rs.getObject("relationship_id", UUID.class),
					new Activity(rs.getLong("unread"), instant(rs, "last_at"))))
			.list();
		return all;
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("relationship_id", UUID.class),
				rs.getObject("vendor_id", UUID.class), "IN".equals(rs.getString("direction")),
				MessageKind.valueOf(rs.getString("kind")), instant(rs, "sent_at"), rs.getBytes("content"),
				instant(rs, "read_at"), rs.getBoolean("archived"));
	}

}
