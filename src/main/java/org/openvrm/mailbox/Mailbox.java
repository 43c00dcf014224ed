package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openvrm.audit.AuditLog;
import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Timeline;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vault.VaultOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's side of the mailbox: reading (messages sealed on arrival are moved under
 * the vault key as soon as the vault opens), search (done on the opened messages, since
 * the hub cannot read them), archive, replies, and closing or reopening a channel.
 */
@Service
public class Mailbox {

	private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

	private final JdbcClient jdbc;

	private final Relationships relationships;

	private final ChannelRows channels;

	private final ContactTerms terms;

	private final SealedInbox inbox;

	private final VendorFeed feed;

	private final Timeline timeline;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Mailbox(JdbcClient jdbc, Relationships relationships, ChannelRows channels, ContactTerms terms, SealedInbox inbox,
			VendorFeed feed, Timeline timeline, AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.relationships = relationships;
		this.channels = channels;
		this.terms = terms;
		this.inbox = inbox;
		this.feed = feed;
		this.timeline = timeline;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	static String binding(UUID messageId) {
		return "message:" + messageId;
	}

	@EventListener
	void opened(VaultOpened opened) {
		try {
			open(opened.vault());
		}
		catch (RuntimeException unreadable) {
			// Never in the way of a sign-in: what could not be opened stays sealed and is
			// tried again.
			log.warn("Sealed messages of {} could not be opened ({})", opened.vault().owner(),
					unreadable.getClass().getName());
		}
	}

	/**
	 * Moves every message still sealed to the person under their vault key; returns how
	 * many.
	 */
	@Transactional
	public int open(Vault vault) {
		record Sealed(UUID id, byte[] sealed) {
		}
		List<Sealed> waiting = jdbc
			.sql("SELECT id, sealed FROM mailbox_message WHERE person_id = ? AND sealed IS NOT NULL")
			.param(vault.owner())
			.query((rs, n) -> new Sealed(rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list();
		for (Sealed item : waiting) {
			byte[] letter = inbox.open(vault, item.sealed(), binding(item.id()));
			jdbc.sql("UPDATE mailbox_message SET content = ?, sealed = NULL WHERE id = ? AND person_id = ?")
				.params(vault.encrypt(letter, binding(item.id())), item.id(), vault.owner())
				.update();
		}
		return waiting.size();
	}

	/**
	 * The person's messages, newest first.
	 * @param query words to look for in subjects, bodies and vendor names; null or blank
	 * for all
	 * @param archived the archive instead of the inbox
	 */
	@Transactional
	public List<Message> messages(Vault vault, String query, boolean archived) {
		open(vault);
		Map<UUID, String> names = vendorNames(vault);
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return jdbc.sql("SELECT * FROM mailbox_message WHERE person_id = ? AND archived = ? ORDER BY sent_at DESC")
			.params(vault.owner(), archived)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(row -> message(vault, row, names))
			.filter(m -> q.isEmpty() || new Letter(m.subject(), m.body()).mentions(q)
					|| m.vendorName().toLowerCase(Locale.ROOT).contains(q))
			.toList();
	}

	/**
	 * The person's channels with hub vendors: standing ones first, then by latest
	 * message.
	 */
	public List<Channel> channels(Vault vault) {
		List<Relationship> all = relationships.list(vault, null).stream().filter(r -> !r.isOffHub()).toList();
		Map<UUID, ChannelRows.Settings> settings = channels.ofPerson(vault.owner());
		Map<UUID, ChannelRows.Activity> activity = channels.activity(vault.owner(),
				all.stream().map(Relationship::id).toList());
		ContactRules rules = terms.of(vault.owner());
		return all.stream()
			.map(r -> channel(r, settings.getOrDefault(r.id(), ChannelRows.Settings.NONE), activity.get(r.id()), rules))
			.sorted(Comparator.comparing((Channel c) -> !c.isOpen())
				.thenComparing(c -> c.lastAt() == null ? Instant.EPOCH : c.lastAt(), Comparator.reverseOrder()))
			.toList();
	}

	public Channel channel(Vault vault, UUID relationshipId) {
		Relationship relationship = relationships.get(vault, relationshipId);
		if (relationship.isOffHub()) {
			throw new NotFound("Channel");
		}
		return channel(relationship, channels.of(relationshipId),
				channels.activity(vault.owner(), List.of(relationshipId)).get(relationshipId), terms.of(vault.owner()));
	}

	/** Every message on one channel, oldest first; reading them marks them read. */
	@Transactional
	public List<Message> thread(Vault vault, UUID relationshipId) {
		Channel channel = channel(vault, relationshipId);
		open(vault);
		jdbc.sql(
				"UPDATE mailbox_message SET read_at = ? WHERE relationship_id = ? AND person_id = ? AND read_at IS NULL")
			.params(now(), relationshipId, vault.owner())
			.update();
		Map<UUID, String> names = Map.of(channel.vendorId(), channel.vendorName());
		return jdbc.sql("SELECT * FROM mailbox_message WHERE relationship_id = ? AND person_id = ? ORDER BY sent_at")
			.params(relationshipId, vault.owner())
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(row -> message(vault, row, names))
			.toList();
	}

	/**
	 * The person writes to the vendor. Only on an open channel of a standing, unblocked
	 * relationship.
	 * @throws Conflict naming {@code channel} otherwise
	 */
	@Transactional
	public Message reply(Vault vault, UUID relationshipId, String subject, String body) {
		Channel channel = channel(vault, relationshipId);
		Letter letter = Letter.checked(subject, body);
		if (!channel.isOpen()) {
			throw new Conflict("channel", "mailbox.reply." + channel.state());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO mailbox_message (id, person_id, relationship_id, vendor_id, direction, kind, sent_at, content, vendor_copy, read_at)
						VALUES (?, ?, ?, ?, 'OUT', 'SERVICE', ?, ?, ?, ?)
						""")
			.params(id, vault.owner(), relationshipId, channel.vendorId(), now.atOffset(ZoneOffset.UTC),
					vault.encrypt(json.writeValueAsBytes(letter), binding(id)), json.writeValueAsString(letter),
					now.atOffset(ZoneOffset.UTC))
			.update();
		feed.post(channel.vendorId(), "message.received",
				new MessageNotice(relationships.customerRef(relationshipId), id));
		timeline.record(relationshipId, "message-sent", null);
		audit.record(vault.owner(), "sent", "message:" + id);
		return new Message(id, relationshipId, channel.vendorId(), channel.vendorName(), false, MessageKind.SERVICE,
				letter.subject(), letter.body(), now, now, false);
	}

	/**
	 * @throws NotFound for another person's message as for one that does not exist
	 */
	@Transactional
	public void archive(UUID personId, UUID messageId, boolean archived) {
		if (jdbc.sql(
				"UPDATE mailbox_message SET archived = ?, read_at = COALESCE(read_at, ?) WHERE id = ? AND person_id = ?")
			.params(archived, now(), messageId, personId)
			.update() == 0) {
			throw new NotFound("Message");
		}
	}

	/**
	 * Archives the vendors' messages to the person sent before the cut-off; returns the
	 * ones it archived.
	 */
	@Transactional
	public List<UUID> archiveBefore(UUID personId, Instant cutoff) {
		List<UUID> old = jdbc.sql(
				"SELECT id FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND archived = FALSE AND sent_at < ?")
			.params(personId, cutoff.atOffset(java.time.ZoneOffset.UTC))
			.query(UUID.class)
			.list();
		old.forEach(id -> archive(personId, id, true));
		return old;
	}

	/** Takes these messages out of the archive again (those still the person's). */
	@Transactional
	public void unarchive(UUID personId, List<UUID> messageIds) {
		messageIds.forEach(id -> jdbc.sql("UPDATE mailbox_message SET archived = FALSE WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.update());
	}

	/**
	 * Closes or reopens a channel; the vendor is told either way, so it knows why it is
	 * refused.
	 */
	@Transactional
	public Channel close(Vault vault, UUID relationshipId, boolean closed) {
		Door door = door(vault.owner(), relationshipId);
		channels.close(relationshipId, vault.owner(), closed ? clock.instant() : null);
		feed.post(door.vendorId(), closed ? "channel.closed" : "channel.reopened",
				new ChannelNotice(relationships.customerRef(relationshipId)));
		timeline.record(relationshipId, closed ? "channel-closed" : "channel-reopened", null);
		audit.record(vault.owner(), closed ? "channel-closed" : "channel-reopened", "relationship:" + relationshipId);
		return channel(vault, relationshipId);
	}

	/** Sets the channel's own rate, or with null goes back to the person's rule. */
	@Transactional
	public Channel limit(Vault vault, UUID relationshipId, Integer perMonth) {
		door(vault.owner(), relationshipId);
		channels.limit(relationshipId, vault.owner(),
				perMonth == null ? null : ContactTerms.checkedLimit(perMonth, "perMonth"));
		return channel(vault, relationshipId);
	}

	/** Incoming messages the person has not read yet (metadata only: no vault needed). */
	public long unread(UUID personId) {
		return jdbc.sql(
				"SELECT count(*) FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND read_at IS NULL AND archived = FALSE")
			.param(personId)
			.query(Long.class)
			.single();
	}

	private Door door(UUID personId, UUID relationshipId) {
		return relationships.personsDoor(personId, relationshipId).orElseThrow(() -> new NotFound("Channel"));
	}

	private static Channel channel(Relationship r, ChannelRows.Settings settings, ChannelRows.Activity activity,
			ContactRules rules) {
		String state = r.status() == org.openvrm.relationship.Status.BLOCKED ? "blocked"
				: !r.isActive() ? "ended" : settings.closed() ? "closed" : "open";
		return new Channel(r.id(), r.vendorId(), r.vendorName(), state, settings.perMonth(),
				settings.perMonth() == null ? rules.perMonth() : settings.perMonth(),
				activity == null ? 0 : activity.unread(), activity == null ? null : activity.lastAt());
	}

	private Map<UUID, String> vendorNames(Vault vault) {
		return relationships.list(vault, null)
			.stream()
			.filter(r -> !r.isOffHub())
			.collect(Collectors.toMap(Relationship::vendorId, Relationship::vendorName, (a, b) -> a));
	}

	private record Row(UUID id, UUID relationshipId, UUID vendorId, boolean incoming, MessageKind kind, Instant sentAt,
			byte[] content, Instant readAt, boolean archived) {
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new Row(rs.getObject("id", UUID.class), rs.getObject("relationship_id", UUID.class),
				rs.getObject("vendor_id", UUID.class), "IN".equals(rs.getString("direction")),
				MessageKind.valueOf(rs.getString("kind")), rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
				rs.getBytes("content"), read == null ? null : read.toInstant(), rs.getBoolean("archived"));
	}

	private Message message(Vault vault, Row row, Map<UUID, String> names) {
		Letter letter = json.readValue(vault.decrypt(row.content(), binding(row.id())), Letter.class);
		return new Message(row.id(), row.relationshipId(), row.vendorId(), names.getOrDefault(row.vendorId(), "?"),
				row.incoming(), row.kind(), letter.subject(), letter.body(), row.sentAt(), row.readAt(),
				row.archived());
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
