package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openvrm.mailbox.internal.ChannelRepository;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Status;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vault.VaultOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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

	private final MessageRepository messages;

	private final Relationships relationships;

	private final ChannelRepository channels;

	private final ContactTerms terms;

	private final SealedInbox inbox;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Attachments attachments;

	private final MailReplies mailReplies;

	Mailbox(MessageRepository messages, Relationships relationships, ChannelRepository channels, ContactTerms terms,
			SealedInbox inbox, JsonMapper json, Clock clock, ApplicationEventPublisher events, Attachments attachments,
			MailReplies mailReplies) {
		this.attachments = attachments;
		this.messages = messages;
		this.relationships = relationships;
		this.channels = channels;
		this.terms = terms;
		this.inbox = inbox;
		this.json = json;
		this.clock = clock;
		this.events = events;
		this.mailReplies = mailReplies;
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
	 * Moves every message still sealed to the person under their vault key, and files
	 * their attachments in the vault; returns how many messages.
	 */
	@Transactional
	public int open(Vault vault) {
		List<MessageRepository.Sealed> waiting = messages.sealed(vault.owner());
		for (MessageRepository.Sealed item : waiting) {
			byte[] letter = inbox.open(vault, item.sealed(), MessageRepository.binding(item.id()));
			messages.unseal(item.id(), vault.owner(), vault.encrypt(letter, MessageRepository.binding(item.id())));
		}
		attachments.file(vault);
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
		return messages.ofPerson(vault.owner(), archived)
			.stream()
			.map(row -> message(vault, row, names))
			.filter(m -> q.isEmpty() || new Letter(m.subject(), m.body()).mentions(q)
					|| m.vendorName().toLowerCase(Locale.ROOT).contains(q))
			.toList();
	}

	/**
	 * The person's channels with hub vendors, and with vendors off the hub that wrote to
	 * one of the person's addresses: standing ones first, then by latest message.
	 */
	public List<Channel> channels(Vault vault) {
		List<Relationship> all = relationships.list(vault, null);
		Map<UUID, ChannelRepository.Settings> settings = channels.ofPerson(vault.owner());
		Map<UUID, MessageRepository.Activity> activity = activity(vault.owner(),
				all.stream().map(Relationship::id).toList());
		ContactRules rules = terms.of(vault.owner());
		return all.stream()
			.filter(r -> !r.isOffHub() || activity.containsKey(r.id()))
			.map(r -> channel(r, settings.getOrDefault(r.id(), ChannelRepository.Settings.NONE), activity.get(r.id()),
					rules))
			.sorted(Comparator.comparing((Channel c) -> !c.isOpen())
				.thenComparing(c -> c.lastAt() == null ? Instant.EPOCH : c.lastAt(), Comparator.reverseOrder()))
			.toList();
	}

	public Channel channel(Vault vault, UUID relationshipId) {
		Relationship relationship = relationships.get(vault, relationshipId);
		return channel(relationship, channels.of(relationshipId),
				activity(vault.owner(), List.of(relationshipId)).get(relationshipId), terms.of(vault.owner()));
	}

	/** Every message on one channel, oldest first; reading them marks them read. */
	@Transactional
	public List<Message> thread(Vault vault, UUID relationshipId) {
		Channel channel = channel(vault, relationshipId);
		open(vault);
		messages.markRead(relationshipId, vault.owner(), clock.instant());
		Map<UUID, String> names = Map.of(channel.relationshipId(), channel.vendorName());
		return messages.thread(relationshipId, vault.owner()).stream().map(row -> message(vault, row, names)).toList();
	}

	/**
	 * The person writes to the vendor; see
	 * {@link #reply(Vault, UUID, UUID, String, String)}.
	 */
	public Message reply(Vault vault, UUID relationshipId, String subject, String body) {
		return reply(vault, relationshipId, null, subject, body);
	}

	/**
	 * The person writes to the vendor. An answer to a message that came by mail (the one
	 * named, or on a channel with a vendor off the hub the latest one) leaves by mail
	 * from the address it came to ({@link MailReplies}); otherwise only on an open
	 * channel of a standing, unblocked relationship with a hub vendor, which reads it
	 * through its API.
	 * @throws Conflict naming {@code channel} otherwise
	 * @throws NotFound naming a message that is not on the person's channel
	 */
	@Transactional
	public Message reply(Vault vault, UUID relationshipId, UUID inReplyTo, String subject, String body) {
		Channel channel = channel(vault, relationshipId);
		Letter letter = Letter.checked(subject, body);
		open(vault);
		MessageRepository.Stored answered = inReplyTo != null
				? messages.find(inReplyTo, relationshipId, vault.owner())
					.filter(MessageRepository.Stored::incoming)
					.orElseThrow(() -> new NotFound("Message"))
				: channel.isOffHub() ? messages.latestMail(relationshipId, vault.owner()).orElse(null) : null;
		if (answered != null && answered.aliasId() != null && (channel.isOpen() || channel.isOffHub())) {
			return mailReplies.reply(vault, channel, answered, letter);
		}
		if (!channel.isOpen()) {
			throw new Conflict("channel", "mailbox.reply." + channel.state());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		messages.insertReply(id, vault.owner(), relationshipId, channel.vendorId(), now,
				vault.encrypt(json.writeValueAsBytes(letter), MessageRepository.binding(id)),
				json.writeValueAsString(letter));
		events.publishEvent(new MessageSent(vault.owner(), relationshipId, channel.vendorId(), id,
				relationships.customerRef(relationshipId)));
		return new Message(id, relationshipId, channel.vendorId(), channel.vendorName(), false, MessageKind.SERVICE,
				letter.subject(), letter.body(), now, now, false, null);
	}

	/**
	 * @throws NotFound for another person's message as for one that does not exist
	 */
	@Transactional
	public void archive(UUID personId, UUID messageId, boolean archived) {
		if (messages.archive(messageId, personId, archived, clock.instant()) == 0) {
			throw new NotFound("Message");
		}
	}

	/**
	 * Archives the vendors' messages to the person sent before the cut-off; returns the
	 * ones it archived.
	 */
	@Transactional
	public List<UUID> archiveBefore(UUID personId, Instant cutoff) {
		List<UUID> old = messages.inboxBefore(personId, cutoff);
		old.forEach(id -> archive(personId, id, true));
		return old;
	}

	/** Takes these messages out of the archive again (those still the person's). */
	@Transactional
	public void unarchive(UUID personId, List<UUID> messageIds) {
		messageIds.forEach(id -> messages.unarchive(id, personId));
	}

	/**
	 * Closes or reopens a channel; the vendor is told either way, so it knows why it is
	 * refused.
	 */
	@Transactional
	public Channel close(Vault vault, UUID relationshipId, boolean closed) {
		Door door = door(vault.owner(), relationshipId);
		channels.close(relationshipId, vault.owner(), closed ? clock.instant() : null);
		events.publishEvent(new ChannelChanged(vault.owner(), relationshipId, door.vendorId(),
				relationships.customerRef(relationshipId), closed));
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
		return messages.unread(personId);
	}

	private Door door(UUID personId, UUID relationshipId) {
		return relationships.personsDoor(personId, relationshipId).orElseThrow(() -> new NotFound("Channel"));
	}

	/** The activity of the person's channels among these. */
	private Map<UUID, MessageRepository.Activity> activity(UUID personId, Collection<UUID> relationshipIds) {
		Map<UUID, MessageRepository.Activity> all = messages.activity(personId);
		all.keySet().retainAll(relationshipIds);
		return all;
	}

	private static Channel channel(Relationship r, ChannelRepository.Settings settings,
			MessageRepository.Activity activity, ContactRules rules) {
		String state = r.status() == Status.BLOCKED ? "blocked"
				: !r.isActive() ? "ended" : r.isOffHub() ? "off-hub" : settings.closed() ? "closed" : "open";
		return new Channel(r.id(), r.vendorId(), r.vendorName(), state, settings.perMonth(),
				settings.perMonth() == null ? rules.perMonth() : settings.perMonth(),
				activity == null ? 0 : activity.unread(), activity == null ? null : activity.lastAt());
	}

	/** Each relationship's vendor name: messages are named by their channel. */
	private Map<UUID, String> vendorNames(Vault vault) {
		return relationships.list(vault, null)
			.stream()
			.collect(Collectors.toMap(Relationship::id, Relationship::vendorName, (a, b) -> a));
	}

	private Message message(Vault vault, MessageRepository.Stored row, Map<UUID, String> names) {
		Letter letter = json.readValue(vault.decrypt(row.content(), MessageRepository.binding(row.id())), Letter.class);
		return new Message(row.id(), row.relationshipId(), row.vendorId(),
				names.getOrDefault(row.relationshipId(), "?"), row.incoming(), row.kind(), letter.subject(),
				letter.body(), row.sentAt(), row.readAt(), row.archived(), row.aliasId());
	}

}
