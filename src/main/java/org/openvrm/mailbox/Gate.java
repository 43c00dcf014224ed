package org.openvrm.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.mailbox.Allowances.Allowance;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vendor.VendorActor;

import org.springframework.context.ApplicationEventPublisher;
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

	static final Duration WINDOW = Allowances.WINDOW;

	private final MessageRepository messages;

	private final Relationships relationships;

	private final Allowances allowances;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	Gate(MessageRepository messages, Relationships relationships, Allowances allowances, KeptOut keptOut,
			SealedInbox inbox, JsonMapper json, ApplicationEventPublisher events) {
		this.messages = messages;
		this.relationships = relationships;
		this.allowances = allowances;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.json = json;
		this.events = events;
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
		Allowance allowance = allowances.lock(door.relationshipId(), door.personId());
		if (allowance.closed()) {
			throw refused(door, "closed");
		}
		if (kind == MessageKind.MARKETING && !allowance.marketing()) {
			throw refused(door, "marketing");
		}
		if (allowance.over()) {
			keptOut.refused(door, "message", "rate");
			throw new TooManyRequests(
					"This customer accepts at most " + allowance.perMonth() + " messages from you in 30 days.",
					allowance.untilFree());
		}
		Instant now = allowance.at();
		UUID id = UUID.randomUUID();
		messages.insertIncoming(id, door.personId(), door.relationshipId(), door.vendorId(), kind, now,
				inbox.sealTo(door.personId(), json.writeValueAsBytes(letter), MessageRepository.binding(id)));
		events.publishEvent(new MessageReceived(door.personId(), door.relationshipId(), id, kind));
		return new SentMessage(id, relationships.customerRef(door.relationshipId()), "vendor", kind, null, null, now);
	}

	/** The channel as the vendor sees it, oldest first. */
	public List<SentMessage> thread(UUID vendorId, String customerRef) {
		Door door = door(vendorId, customerRef);
		String ref = relationships.customerRef(door.relationshipId());
		return messages.vendorThread(door.relationshipId(), vendorId).stream().map(line -> {
			boolean mine = line.incoming();
			Letter reply = mine ? null : json.readValue(line.vendorCopy(), Letter.class);
			return new SentMessage(line.id(), ref, mine ? "vendor" : "person", line.kind(),
					reply == null ? null : reply.subject(), reply == null ? null : reply.body(), line.sentAt());
		}).toList();
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
