package org.openvrm.mailbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.internal.AliasRepository;
import org.openvrm.mailbox.internal.AliasRepository.Received;
import org.openvrm.mailbox.internal.AliasRepository.StoredAlias;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses a person gives vendors instead of their own: one or more per
 * relationship, on the hub or off it, at the hub's mail domain. The local part is random
 * (nothing in it names the person or the vendor, so two addresses cannot be linked), and
 * the person can pause an address or close it for good; mail to it is then refused in the
 * SMTP conversation.
 */
@Service
public class Aliases {

	/** No 0/o, 1/l/i: an address read aloud or copied by hand comes out right. */
	static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	static final int LENGTH = 14;

	/** Addresses not closed per relationship: enough for a shop and its marketplace. */
	static final int MAX_STANDING = 10;

	private final AliasRepository aliases;

	private final Relationships relationships;

	private final KeptOut keptOut;

	private final MailProperties mail;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PassedOn passedOn;

	private final SecureRandom random = new SecureRandom();

	Aliases(AliasRepository aliases, Relationships relationships, KeptOut keptOut, MailProperties mail, Clock clock,
			ApplicationEventPublisher events, PassedOn passedOn) {
		this.passedOn = passedOn;
		this.aliases = aliases;
		this.relationships = relationships;
		this.keptOut = keptOut;
		this.mail = mail;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Mail that may go in: the person, the relationship and its hub vendor (null off the
	 * hub).
	 */
	public record Admission(UUID aliasId, UUID personId, UUID relationshipId, UUID vendorId) {

		/**
		 * The door the mail came through: it was standing when the address admitted it.
		 */
		public Door door() {
			return new Door(relationshipId, personId, vendorId, false, false);
		}

	}

	/**
	 * Why mail to an address is refused; {@code door} and {@code aliasId} are null for an
	 * unknown address.
	 */
	public record Refusal(Door door, UUID aliasId, String reason) {
	}

	/**
	 * The relationship's addresses, oldest first.
	 * @throws NotFound for another person's relationship
	 */
	public List<Alias> of(Vault vault, UUID relationshipId) {
		relationships.get(vault, relationshipId);
		return of(vault.owner(), relationshipId);
	}

	/** The addresses of a relationship the caller knows to be the person's. */
	public List<Alias> of(UUID personId, UUID relationshipId) {
		List<StoredAlias> stored = aliases.ofRelationship(personId, relationshipId);
		List<UUID> ids = stored.stream().map(StoredAlias::id).toList();
		Map<UUID, Received> received = aliases.received(personId, relationshipId);
		Map<UUID, Map<String, Long>> refused = keptOut.mailRefusedAt(personId, ids);
		Map<UUID, List<PassedOnFlag>> flags = passedOn.flags(ids);
		return stored.stream().map(row -> alias(row, received, refused, flags)).toList();
	}

	/**
	 * A new address for the relationship, open at once.
	 * @throws NotFound for another person's relationship
	 * @throws Conflict naming {@code relationship} when it has ended or has
	 * {@value #MAX_STANDING} addresses not closed
	 */
	@Transactional
	public Alias create(Vault vault, UUID relationshipId) {
		Relationship relationship = relationships.get(vault, relationshipId);
		if (!relationship.isActive()) {
			throw new Conflict("relationship", "mail.alias.ended");
		}
		List<StoredAlias> existing = aliases.ofRelationship(vault.owner(), relationshipId);
		if (existing.stream().filter(a -> a.state() != AliasState.CLOSED).count() >= MAX_STANDING) {
			throw new Conflict("relationship", "mail.alias.too-many");
		}
		String localPart = freshLocalPart();
		UUID id = UUID.randomUUID();
		aliases.insert(id, vault.owner(), relationshipId, localPart, clock.instant());
		events.publishEvent(new AliasChanged(vault.owner(), relationshipId, id, AliasState.OPEN, true));
		passedOn.expectWebsite(vault.owner(), relationship);
		return require(vault.owner(), relationshipId, id);
	}

	/**
	 * Pauses, opens again or closes an address. Closing is for good: a closed address
	 * never opens again, and its local part is never handed out again.
	 * @throws NotFound for another person's address
	 * @throws Conflict naming {@code state} for a closed address
	 */
	@Transactional
	public Alias change(Vault vault, UUID relationshipId, UUID aliasId, AliasState to) {
		relationships.get(vault, relationshipId);
		Alias alias = require(vault.owner(), relationshipId, aliasId);
		if (alias.state() == AliasState.CLOSED) {
			throw new Conflict("state", "mail.alias.closed");
		}
		if (alias.state() != to) {
			aliases.changeState(aliasId, to, clock.instant());
			events.publishEvent(new AliasChanged(vault.owner(), relationshipId, aliasId, to, false));
		}
		return require(vault.owner(), relationshipId, aliasId);
	}

	/**
	 * Whether mail to this recipient may go in: an open address of a standing, unblocked
	 * relationship. Needs no vault: mail arrives while the person is away.
	 * @return the admission, or the refusal
	 */
	public Admission admit(String recipient) throws RefusedAddress {
		String address = recipient == null ? "" : recipient.strip();
		if (address.startsWith("<") && address.endsWith(">")) {
			address = address.substring(1, address.length() - 1);
		}
		int at = address.lastIndexOf('@');
		if (at <= 0 || !address.substring(at + 1).equalsIgnoreCase(mail.domain())) {
			throw new RefusedAddress(new Refusal(null, null, "unknown"));
		}
		StoredAlias alias = aliases.findByLocalPart(address.substring(0, at).toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new RefusedAddress(new Refusal(null, null, "unknown")));
		Door door = relationships.doorOf(alias.personId(), alias.relationshipId())
			.orElseThrow(() -> new RefusedAddress(new Refusal(null, null, "unknown")));
		if (alias.state() != AliasState.OPEN) {
			throw new RefusedAddress(
					new Refusal(door, alias.id(), "alias-" + alias.state().name().toLowerCase(Locale.ROOT)));
		}
		if (!door.isOpen()) {
			throw new RefusedAddress(new Refusal(door, alias.id(), door.refusal()));
		}
		return new Admission(alias.id(), door.personId(), door.relationshipId(), door.vendorId());
	}

	/** The hub's mail domain. */
	public String domain() {
		return mail.domain();
	}

	/** Mail to an address that does not take it; what the SMTP conversation answers. */
	public static final class RefusedAddress extends Exception {

		private final transient Refusal refusal;

		RefusedAddress(Refusal refusal) {
			super(refusal.reason(), null, false, false);
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	/** The person's address, as the person sees it. */
	Alias require(UUID personId, UUID relationshipId, UUID aliasId) {
		StoredAlias row = aliases.find(personId, relationshipId, aliasId).orElseThrow(() -> new NotFound("Alias"));
		return alias(row, aliases.received(personId, relationshipId), keptOut.mailRefusedAt(personId, List.of(aliasId)),
				passedOn.flags(List.of(aliasId)));
	}

	private String freshLocalPart() {
		while (true) {
			StringBuilder local = new StringBuilder(LENGTH);
			for (int i = 0; i < LENGTH; i++) {
				local.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			// 31^14 ≈ 7.6e20: a collision is all but impossible, yet a closed address
			// must never come back, so it is checked.
			if (!aliases.exists(local.toString())) {
				return local.toString();
			}
		}
	}

	private Alias alias(StoredAlias row, Map<UUID, Received> received, Map<UUID, Map<String, Long>> refused,
			Map<UUID, List<PassedOnFlag>> flags) {
		Received in = received.getOrDefault(row.id(), new Received(0, null));
		return new Alias(row.id(), row.relationshipId(), row.localPart() + "@" + mail.domain(), row.state(),
				row.createdAt(), row.changedAt(),
				new AliasFigures(in.count(), in.last(), refused.getOrDefault(row.id(), Map.of())),
				flags.getOrDefault(row.id(), List.of()), row.forward(), row.forwardFailedAt());
	}

}
