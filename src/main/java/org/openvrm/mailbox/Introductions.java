package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.openvrm.audit.AuditLog;
import org.openvrm.delivery.VendorFeed;
import org.openvrm.intent.Reach;
import org.openvrm.intent.Subscriptions;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Timeline;
import org.openvrm.reputation.Reputation;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate for vendors the person does not know yet. A vendor may introduce itself once
 * through a declared interest its subscriptions reach, if the interest is open to
 * introductions, within the interest's monthly quota, accepting the terms it names, and
 * if the person has not blocked it. Refusals say why and go to the person's "kept out"
 * log. The vendor's words are sealed to the person. The person accepts (a relationship
 * starts), ignores, or reports it as unwanted.
 */
@Service
public class Introductions {

	static final int MAX_MESSAGE = 2000;

	static final int SHOWN = 200;

	private final JdbcClient jdbc;

	private final Interests interests;

	private final Subscriptions subscriptions;

	private final Relationships relationships;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final VendorProfiles vendors;

	private final VendorFeed feed;

	private final Timeline timeline;

	private final AuditLog audit;

	private final Reputation reputation;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Introductions(JdbcClient jdbc, Interests interests, Subscriptions subscriptions, Relationships relationships,
			KeptOut keptOut, SealedInbox inbox, VendorProfiles vendors, VendorFeed feed, Timeline timeline,
			AuditLog audit, Reputation reputation, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.reputation = reputation;
		this.jdbc = jdbc;
		this.interests = interests;
		this.subscriptions = subscriptions;
		this.relationships = relationships;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.vendors = vendors;
		this.feed = feed;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Declared interests open to introductions that the vendor's subscriptions reach,
	 * newest first.
	 */
	public List<VendorInterest> reachable(UUID vendorId) {
		Reach reach = subscriptions.reachOf(vendorId);
		if (reach.isEmpty()) {
			return List.of();
		}
		Set<UUID> blockedBy = relationships.blockedBy(vendorId);
		Map<UUID, String> sent = new HashMap<>();
		jdbc.sql("SELECT interest_id, status FROM introduction WHERE vendor_id = ?")
			.param(vendorId)
			.query((rs, n) -> sent.put(rs.getObject("interest_id", UUID.class), rs.getString("status")))
			.list();
		// Streamed so that reading stops once SHOWN are found; the stream holds its
		// connection until
		// it is closed, so it must be closed here (an open one took a pool connection per
		// call).
		try (Stream<Interests.Owned> open = jdbc
			.sql("SELECT * FROM interest WHERE introductions = TRUE ORDER BY created_at DESC")
			.query((rs, n) -> new Interests.Owned(rs.getObject("person_id", UUID.class), Interests.row(rs)))
			.stream()) {
			return open.filter(o -> !blockedBy.contains(o.personId()) && reaches(reach, o.interest()))
				.limit(SHOWN)
				.map(o -> view(o.interest(), sent.get(o.interest().id())))
				.toList();
		}
	}

	/**
	 * @throws NotFound for an unknown interest reference
	 * @throws InvalidInput {@code message} (empty, too long) or {@code acceptedTerms}
	 * (not every term of the interest)
	 * @throws Withheld (403) blocked, interest closed to introductions, or not reached by
	 * the vendor's subscriptions
	 * @throws Conflict (409) the vendor already introduced itself through this interest
	 * @throws TooManyRequests the interest's quota for 30 days is reached
	 */
	@Transactional
	public SentIntroduction introduce(VendorActor actor, String interestRef, NewIntroduction given) {
		Interests.Owned owned = interests.byRef(interestRef).orElseThrow(() -> new NotFound("Interest"));
		Interest interest = owned.interest();
		String message = given.message() == null ? "" : given.message().strip();
		if (message.isEmpty() || message.length() > MAX_MESSAGE) {
			throw new InvalidInput("message",
					message.isEmpty() ? "introduction.message.empty" : "introduction.message.long");
		}
		List<String> accepted = given.acceptedTerms() == null ? List.of()
				: given.acceptedTerms()
					.stream()
					.filter(t -> t != null && !t.isBlank())
					.map(String::strip)
					.distinct()
					.toList();
		if (!accepted.containsAll(interest.terms())) {
			throw new InvalidInput("acceptedTerms", "introduction.terms");
		}
		UUID vendorId = actor.vendorId();
		if (relationships.isBlocked(owned.personId(), vendorId)) {
			throw refused(owned, vendorId, "blocked");
		}
		if (!interest.introductions()) {
			throw refused(owned, vendorId, "closed");
		}
		if (!reaches(subscriptions.reachOf(vendorId), interest)) {
			throw refused(owned, vendorId, "no-match");
		}
		// the interest's row is the turnstile: introductions through it take turns, so
		// the quota holds
		jdbc.sql("SELECT id FROM interest WHERE id = ? FOR UPDATE").param(interest.id()).query(UUID.class).single();
		if (jdbc.sql("SELECT count(*) FROM introduction WHERE interest_id = ? AND vendor_id = ?")
			.params(interest.id(), vendorId)
			.query(Long.class)
			.single() > 0) {
			throw new Conflict("ref", "introduction.once");
		}
		Instant now = clock.instant();
		long recent = jdbc.sql("SELECT count(*) FROM introduction WHERE interest_id = ? AND sent_at > ?")
			.params(interest.id(), now.minus(Gate.WINDOW).atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		if (recent >= interest.perMonth()) {
			keptOut.refused(owned.personId(), vendorId, null, "introduction", "quota");
			throw new TooManyRequests(
					"This interest takes at most " + interest.perMonth() + " introductions in 30 days.", Gate.WINDOW);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO introduction (id, interest_id, person_id, vendor_id, sealed, accepted_terms, status, sent_at)
						VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)
						""")
			.params(id, interest.id(), owned.personId(), vendorId,
					inbox.sealTo(owned.personId(), message.getBytes(java.nio.charset.StandardCharsets.UTF_8),
							binding(id)),
					String.join(",", accepted), now.atOffset(ZoneOffset.UTC))
			.update();
		audit.record(owned.personId(), "received", "introduction:" + id);
		events.publishEvent(new IntroductionArrived(owned.personId(), id, vendorId, interest.category()));
		return new SentIntroduction(id, interest.ref(), "PENDING", null, now, null);
	}

	/** The vendor's own introductions, newest first. */
	public List<SentIntroduction> sent(UUID vendorId) {
		return jdbc.sql("""
				SELECT n.id, i.ref, n.status, n.relationship_id, n.sent_at, n.decided_at
				FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.vendor_id = ? ORDER BY n.sent_at DESC FETCH FIRST 200 ROWS ONLY
				""").param(vendorId).query((rs, n) -> {
			UUID relationshipId = rs.getObject("relationship_id", UUID.class);
			OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
			return new SentIntroduction(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getString("status"),
					relationshipId == null ? null : relationships.customerRef(relationshipId),
					rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
					decided == null ? null : decided.toInstant());
		}).list();
	}

	/** The person's introductions, newest first, opened with their vault. */
	public List<Introduction> of(Vault vault) {
		return jdbc.sql("""
				SELECT n.*, i.category FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.person_id = ? ORDER BY n.sent_at DESC
				""").param(vault.owner()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			UUID vendorId = rs.getObject("vendor_id", UUID.class);
			VendorProfile vendor = vendors.require(vendorId);
			return new Introduction(id, rs.getObject("interest_id", UUID.class), rs.getString("category"), vendorId,
					vendor.name(), vendor.isVerified(),
					new String(inbox.open(vault, rs.getBytes("sealed"), binding(id)),
							java.nio.charset.StandardCharsets.UTF_8),
					Arrays.asList(rs.getString("accepted_terms").split(",")), rs.getString("status"),
					rs.getObject("relationship_id", UUID.class),
					rs.getObject("sent_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	/**
	 * Starts (or reuses) the relationship with the vendor, and tells the vendor its
	 * customer reference.
	 */
	@Transactional
	public Relationship accept(Vault vault, UUID id) {
		Pending pending = pending(vault.owner(), id);
		Relationship relationship = relationships.join(vault, pending.vendorId());
		decide(id, "ACCEPTED", relationship.id());
		timeline.record(relationship.id(), "introduced", pending.interestRef());
		feed.post(pending.vendorId(), "introduction.accepted",
				new IntroductionNotice(id, pending.interestRef(), relationship.customerRef()));
		audit.record(vault.owner(), "intro-accepted", "introduction:" + id);
		return relationship;
	}

	@Transactional
	public void ignore(UUID personId, UUID id) {
		pending(personId, id);
		decide(id, "IGNORED", null);
		audit.record(personId, "intro-ignored", "introduction:" + id);
	}

	/** Marks it unwanted: it counts against the vendor's respect figure. */
	@Transactional
	public void report(UUID personId, UUID id) {
		Pending pending = pending(personId, id);
		decide(id, "REPORTED", null);
		reputation.unwantedIntroduction(pending.vendorId(), personId, "introduction:" + id);
		audit.record(personId, "intro-reported", "introduction:" + id);
	}

	/**
	 * Introductions waiting for an answer, oldest first; what a list of decisions needs,
	 * no vault.
	 */
	public List<WaitingIntroduction> waiting(UUID personId) {
		return jdbc
			.sql("""
					SELECT n.id, n.vendor_id, n.sent_at, i.category FROM introduction n JOIN interest i ON i.id = n.interest_id
					WHERE n.person_id = ? AND n.status = 'PENDING' ORDER BY n.sent_at
					""")
			.param(personId)
			.query((rs, n) -> {
				VendorProfile vendor = vendors.require(rs.getObject("vendor_id", UUID.class));
				return new WaitingIntroduction(rs.getObject("id", UUID.class), rs.getString("category"), vendor.id(),
						vendor.name(), vendor.isVerified(), rs.getObject("sent_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}

	/** Whether the person may still answer it (it is theirs and pending). */
	public boolean isWaiting(UUID personId, UUID id) {
		return jdbc.sql("SELECT count(*) FROM introduction WHERE id = ? AND person_id = ? AND status = 'PENDING'")
			.params(id, personId)
			.query(Long.class)
			.single() > 0;
	}

	public long pendingCount(UUID personId) {
		return jdbc.sql("SELECT count(*) FROM introduction WHERE person_id = ? AND status = 'PENDING'")
			.param(personId)
			.query(Long.class)
			.single();
	}

	private record Pending(UUID vendorId, String interestRef) {
	}

	private Pending pending(UUID personId, UUID id) {
		record Row(UUID vendorId, String ref, String status) {
		}
		Row row = jdbc.sql("""
				SELECT n.vendor_id, i.ref, n.status FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.id = ? AND n.person_id = ?
				""")
			.params(id, personId)
			.query((rs, n) -> new Row(rs.getObject("vendor_id", UUID.class), rs.getString("ref"),
					rs.getString("status")))
			.optional()
			.orElseThrow(() -> new NotFound("Introduction"));
		if (!"PENDING".equals(row.status())) {
			throw new Conflict("id", "introduction.decided");
		}
		return new Pending(row.vendorId(), row.ref());
	}

	private void decide(UUID id, String status, UUID relationshipId) {
		jdbc.sql("UPDATE introduction SET status = ?, relationship_id = ?, decided_at = ? WHERE id = ?")
			.params(status, relationshipId, clock.instant().atOffset(ZoneOffset.UTC), id)
			.update();
	}

	private Withheld refused(Interests.Owned owned, UUID vendorId, String reason) {
		keptOut.refused(owned.personId(), vendorId, null, "introduction", reason);
		return new Withheld(false, "introduction.refused." + reason);
	}

	private static boolean reaches(Reach reach, Interest interest) {
		return reach.reaches(interest.category(), interest.region(), interest.budgetMax(), interest.currency());
	}

	private static VendorInterest view(Interest i, String introduced) {
		return new VendorInterest(i.ref(), i.category(), i.region(), i.budgetMin(), i.budgetMax(), i.currency(),
				i.description(), i.terms(), i.createdAt(), introduced);
	}

	static String binding(UUID introductionId) {
		return "introduction:" + introductionId;
	}

}
