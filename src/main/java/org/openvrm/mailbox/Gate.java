package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Timeline;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vendor.VendorActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The door vendors write through. A message goes in only through a standing, unblocked
 * relationship whose channel the person has not closed, and within the person's rules:
 * marketing only where welcome, at most so many messages in any 30 days. Anything else is
 * refused with a problem that says why (403, or 429 with Retry-After) and counted in the
 * person's "kept out" log; nothing is hidden silently. What goes in is sealed to the
 * person at once.
 */
@Service
public class Gate {

	static final Duration WINDOW = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Relationships relationships;

	private final ChannelRows channels;

	private final ContactTerms terms;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final Timeline timeline;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Gate(JdbcClient jdbc, Relationships relationships, ChannelRows channels, ContactTerms terms, KeptOut keptOut,
			SealedInbox inbox, Timeline timeline, AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.relationships = relationships;
		this.channels = channels;
		this.terms = terms;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.timeline = timeline;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @throws NotFound when the reference is none of the vendor's customers
	 * @throws InvalidInput naming {@code kind}, {@code subject} or {@code body}
	 * @throws Withheld (403) blocked, ended, channel closed, or marketing not welcome
	 * @throws TooManyRequests over the person's rate for this channel
	 */
	@Transactional
	public SentMessage write(VendorActor actor, String customerRef, NewMessage message) {
		Door door = door(actor.vendorId(), customerRef);
		MessageKind kind = MessageKind.parse(message.kind())
			.orElseThrow(() -> new InvalidInput("kind", "message.kind.invalid"));
		Letter letter = Letter.checked(message.subject(), message.body());
		if (!door.isOpen()) {
			throw refused(door, door.refusal());
		}
		ChannelRows.Settings channel = channels.lock(door.relationshipId(), door.personId());
		if (channel.closed()) {
			throw refused(door, "closed");
		}
		ContactRules rules = terms.of(door.personId());
		if (kind == MessageKind.MARKETING && !rules.marketing()) {
			throw refused(door, "marketing");
		}
		Instant now = clock.instant();
		int perMonth = channel.perMonth() == null ? rules.perMonth() : channel.perMonth();
		List<Instant> recent = jdbc
			.sql("""
					SELECT sent_at FROM mailbox_message WHERE relationship_id = ? AND direction = 'IN' AND sent_at > ? ORDER BY sent_at
					""")
			.params(door.relationshipId(), now.minus(WINDOW).atOffset(ZoneOffset.UTC))
			.query((rs, n) -> rs.getObject("sent_at", OffsetDateTime.class).toInstant())
			.list();
		if (recent.size() >= perMonth) {
			keptOut.refused(door, "message", "rate");
			Duration wait = perMonth == 0 ? WINDOW
					: Duration.between(now, recent.get(recent.size() - perMonth).plus(WINDOW));
			throw new TooManyRequests("This customer accepts at most " + perMonth + " messages from you in 30 days.",
					wait);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO mailbox_message (id, person_id, relationship_id, vendor_id, direction, kind, sent_at, sealed)
						VALUES (?, ?, ?, ?, 'IN', ?, ?, ?)
						""")
			.params(id, door.personId(), door.relationshipId(), door.vendorId(), kind.name(),
					now.atOffset(ZoneOffset.UTC),
					inbox.sealTo(door.personId(), json.writeValueAsBytes(letter), Mailbox.binding(id)))
			.update();
		timeline.record(door.relationshipId(), "message-received", kind.name().toLowerCase(java.util.Locale.ROOT));
		audit.record(door.personId(), "received", "message:" + id);
		return new SentMessage(id, relationships.customerRef(door.relationshipId()), "vendor", kind, null, null, now);
	}

	/** The channel as the vendor sees it, oldest first. */
	public List<SentMessage> thread(UUID vendorId, String customerRef) {
		Door door = door(vendorId, customerRef);
		String ref = relationships.customerRef(door.relationshipId());
		return jdbc
			.sql("""
					SELECT id, direction, kind, sent_at, vendor_copy FROM mailbox_message WHERE relationship_id = ? AND vendor_id = ?
					ORDER BY sent_at
					""")
			.params(door.relationshipId(), vendorId)
			.query((rs, n) -> {
				boolean mine = "IN".equals(rs.getString("direction"));
				Letter reply = mine ? null : json.readValue(rs.getString("vendor_copy"), Letter.class);
				return new SentMessage(rs.getObject("id", UUID.class), ref, mine ? "vendor" : "person",
						MessageKind.valueOf(rs.getString("kind")), reply == null ? null : reply.subject(),
						reply == null ? null : reply.body(), rs.getObject("sent_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}

	/** The customers the vendor could write to now, for the console's form. */
	public List<String> reachable(UUID vendorId) {
		return relationships.customers(vendorId).stream().map(c -> c.customerRef()).toList();
	}

	private Door door(UUID vendorId, String customerRef) {
		return relationships.door(vendorId, customerRef == null ? "" : customerRef.strip())
			.orElseThrow(() -> new NotFound("Customer"));
	}

	private Withheld refused(Door door, String reason) {
		keptOut.refused(door, "message", reason);
		return new Withheld(false, "message.refused." + reason);
	}

}
