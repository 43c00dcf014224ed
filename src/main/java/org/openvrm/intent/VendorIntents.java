package org.openvrm.intent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.intent.internal.IntentRepository;
import org.openvrm.intent.internal.IntentRepository.Owned;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.FeedCursor;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intents as vendors reach them: the feed of intents matched to the vendor, one intent
 * (only to a vendor it was matched to: any other gets 404, as if it did not exist), and
 * the vendor's acceptance of the intent's terms.
 */
@Service
public class VendorIntents {

	/** One entry of the feed: an intent was matched to the vendor, changed, or closed. */
	public record Notice(String cursor, String kind, Instant at, PublishedIntent intent) {
	}

	private final IntentRepository repository;

	private final HubKeys keys;

	private final VendorProfiles vendors;

	private final Clock clock;

	private final Relationships relationships;

	VendorIntents(IntentRepository repository, HubKeys keys, VendorProfiles vendors, Clock clock,
			Relationships relationships) {
		this.relationships = relationships;
		this.repository = repository;
		this.keys = keys;
		this.vendors = vendors;
		this.clock = clock;
	}

	/**
	 * The vendor's feed after the cursor, oldest first; each entry shows the intent as it
	 * is now.
	 * @throws InvalidInput {@code after} (not a cursor of this feed) or {@code limit}
	 * (outside 1–200)
	 */
	public List<Notice> after(UUID vendorId, String after, int limit) {
		List<IntentRepository.Matched> entries = repository.feed(vendorId, FeedCursor.after(after),
				FeedCursor.limit(limit));
		List<UUID> agreed = repository.agreedIntents(vendorId);
		return entries.stream()
			.map(e -> new Notice(Long.toString(e.seq()), e.kind(), e.at(),
					PublishedIntent.of(e.intent(), agreed.contains(e.intent().id()))))
			.toList();
	}

	/** The intents matched to the vendor that still take offers, newest first. */
	public List<PublishedIntent> open(UUID vendorId) {
		List<UUID> agreed = repository.agreedIntents(vendorId);
		return repository.openFor(vendorId).stream().map(i -> PublishedIntent.of(i, agreed.contains(i.id()))).toList();
	}

	/**
	 * @throws NotFound for an intent never matched to the vendor
	 */
	public PublishedIntent one(UUID vendorId, String ref) {
		Intent intent = told(vendorId, ref, false);
		return PublishedIntent.of(intent, agreement(vendorId, intent.id()).isPresent());
	}

	/** The intent as schema.org {@code Demand} JSON-LD. */
	public Map<String, Object> demand(UUID vendorId, String ref, String base) {
		return PublishedIntent.demand(told(vendorId, ref, false), base);
	}

	/**
	 * Accepts every term of the intent; a second call returns the first record.
	 * @throws NotFound for an intent never matched to the vendor
	 * @throws Conflict {@code state} when the intent no longer takes offers
	 */
	@Transactional
	public IntentAgreement agree(VendorActor actor, String ref) {
		Intent intent = told(actor.vendorId(), ref, true);
		Optional<IntentAgreement> existing = agreement(actor.vendorId(), intent.id());
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!intent.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		return record(intent, actor.vendorId(), actor.type(), actor.id());
	}

	/**
	 * Keeps the acceptance of every term of the intent by the vendor, signed by the hub;
	 * the caller holds the intent's row lock, so one vendor cannot insert twice.
	 */
	IntentAgreement record(Intent intent, UUID vendorId, String actorType, String actorId) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String acceptedBy = actorType + ":" + actorId;
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("typ", "intent-agreement");
		claims.put("jti", id.toString());
		claims.put("iat", now.getEpochSecond());
		claims.put("intent",
				Map.of("ref", intent.ref(), "pseudonym", intent.pseudonym(), "revision", intent.revision()));
		claims.put("agreements",
				intent.terms().stream().map(t -> Map.of("id", t, "text", "/api/v1/terms/" + t)).toList());
		claims.put("vendor", Map.of("id", vendorId.toString(), "name", vendors.nameOf(vendorId)));
		claims.put("acceptedBy", Map.of("type", actorType, "id", actorId));
		claims.put("acceptedAt", now.toString());
		repository.insertAgreement(id, intent.id(), vendorId, intent.terms(), acceptedBy, keys.sign(claims), now);
		return agreement(vendorId, intent.id()).orElseThrow();
	}

	public Optional<IntentAgreement> agreement(UUID vendorId, UUID intentId) {
		return repository.agreement(vendorId, intentId);
	}

	/**
	 * The intent, if it was ever matched to the vendor and the person has not blocked the
	 * vendor since.
	 */
	Intent told(UUID vendorId, String ref, boolean lock) {
		Owned owned = repository.byRef(ref, lock).orElseThrow(() -> new NotFound("Intent"));
		if (owned.personId() != null && relationships.isBlocked(owned.personId(), vendorId)) {
			throw new NotFound("Intent");
		}
		Intent intent = owned.intent();
		if (!repository.wasTold(intent.id(), vendorId)) {
			throw new NotFound("Intent");
		}
		return intent;
	}

}
