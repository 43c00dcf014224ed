package org.openvrm.intent;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.MinorUnit;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Relationships;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's intents. Publishing matches the intent against every subscription and, in
 * the same transaction, records each match in the vendor's intent feed and its event
 * outbox: a vendor is told about an intent exactly when the intent was committed. A
 * change to a published intent republishes it (vendors already told get
 * {@code intent.changed}, newly matched ones {@code intent.matched}); withdrawing,
 * expiry, the award and declining every offer close it.
 */
@Service
public class Intents {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private final JdbcClient jdbc;

	private final DraftCheck check;

	private final Matching matching;

	private final VendorFeed feed;

	private final Relationships relationships;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Intents(JdbcClient jdbc, DraftCheck check, Matching matching, VendorFeed feed, Relationships relationships,
			AuditLog audit, JsonMapper json, Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.check = check;
		this.matching = matching;
		this.feed = feed;
		this.relationships = relationships;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps a draft; with {@code publish}, publishes it at once.
	 * @throws org.openvrm.platform.InvalidInput naming the field to fix (see
	 * {@link DraftCheck})
	 */
	@Transactional
	public Intent create(UUID personId, IntentDraft draft, boolean publish, String source) {
		IntentDraft checked = check.checked(personId, draft, today());
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		jdbc.sql(
				"""
						INSERT INTO intent (id, person_id, ref, pseudonym, state, title, category, regions, place, radius_km, date_from,
						date_to, quantity, budget, currency, attributes, description, expires_at, terms, disclosure, revision, source,
						created_at, updated_at)
						VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
						""")
			.params(id, personId, "int_" + random(20), "buyer-" + random(8), checked.title(), checked.category(),
					joined(checked.regions()), checked.place(), checked.radiusKm(), checked.from(), checked.to(),
					checked.quantity(), checked.budget(), checked.currency(),
					json.writeValueAsString(checked.attributes()), checked.description(), endOf(checked.expiresOn()),
					String.join(",", checked.terms()), String.join(",", checked.disclosure()), source, now, now)
			.update();
		audit.record(personId, "intent-drafted", "intent:" + id);
		return publish ? publish(personId, id) : require(personId, id);
	}

	/**
	 * Changes a draft, or a published intent, which is then published again.
	 * @throws Conflict {@code state} when the intent is closed
	 */
	@Transactional
	public Intent change(UUID personId, UUID id, IntentDraft draft) {
		Intent current = requireForUpdate(personId, id);
		if (!current.state().isEditable()) {
			throw new Conflict("state", "intent.closed");
		}
		IntentDraft checked = check.checked(personId, draft, today());
		jdbc.sql(
				"""
						UPDATE intent SET title = ?, category = ?, regions = ?, place = ?, radius_km = ?, date_from = ?, date_to = ?,
						quantity = ?, budget = ?, currency = ?, attributes = ?, description = ?, expires_at = ?, terms = ?,
						disclosure = ?, updated_at = ? WHERE id = ?
						""")
			.params(checked.title(), checked.category(), joined(checked.regions()), checked.place(), checked.radiusKm(),
					checked.from(), checked.to(), checked.quantity(), checked.budget(), checked.currency(),
					json.writeValueAsString(checked.attributes()), checked.description(), endOf(checked.expiresOn()),
					String.join(",", checked.terms()), String.join(",", checked.disclosure()), now(), id)
			.update();
		audit.record(personId, "intent-changed", "intent:" + id);
		return current.state() == IntentState.PUBLISHED ? announce(personId, id) : require(personId, id);
	}

	/**
	 * Publishes a draft: matched vendors are told in this transaction.
	 * @throws Conflict {@code state} when it is not a draft
	 */
	@Transactional
	public Intent publish(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (current.state() != IntentState.DRAFT) {
			throw new Conflict("state", "intent.not-draft");
		}
		jdbc.sql("UPDATE intent SET state = 'PUBLISHED', published_at = ? WHERE id = ?").params(now(), id).update();
		audit.record(personId, "intent-published", "intent:" + id);
		return announce(personId, id);
	}

	/**
	 * @throws Conflict {@code state} when it is already closed
	 */
	@Transactional
	public Intent withdraw(UUID personId, UUID id) {
		return close(personId, id, IntentState.WITHDRAWN, "intent-withdrawn");
	}

	/**
	 * Stops taking offers while the person chooses among those in (the vendors whose
	 * offers are in stay in the running; others are refused with 409). Vendors told about
	 * the intent get {@code intent.changed} with {@code takesOffers} false.
	 * @throws Conflict {@code state} when it is not published, or already shortlisted
	 */
	@Transactional
	public Intent shortlist(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (!current.takesOffers()) {
			throw new Conflict("state", current.state().isOpen() ? "intent.shortlisted" : "intent.closed");
		}
		jdbc.sql("UPDATE intent SET offers_closed_at = ?, updated_at = ? WHERE id = ?")
			.params(now(), now(), id)
			.update();
		audit.record(personId, "intent-shortlisted", "intent:" + id);
		return tellTakingOffers(personId, id);
	}

	/**
	 * Takes offers again after {@link #shortlist}; vendors told get
	 * {@code intent.changed} with {@code takesOffers} true. Nothing happens when it takes
	 * offers already.
	 * @throws Conflict {@code state} when it is not published (closed meanwhile, or a
	 * draft)
	 */
	@Transactional
	public Intent reopen(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (!current.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		if (current.takesOffers()) {
			return current;
		}
		jdbc.sql("UPDATE intent SET offers_closed_at = NULL, updated_at = ? WHERE id = ?").params(now(), id).update();
		audit.record(personId, "intent-reopened", "intent:" + id);
		return tellTakingOffers(personId, id);
	}

	/**
	 * Tells every vendor told about the intent whether it takes offers now, on the feed
	 * and by event.
	 */
	private Intent tellTakingOffers(UUID personId, UUID id) {
		Intent intent = require(personId, id);
		Set<UUID> agreed = agreedVendors(id);
		for (UUID vendorId : toldVendors(id)) {
			record(id, vendorId, null, "CHANGED");
			feed.post(vendorId, "intent.changed",
					new IntentNotice(intent.ref(), PublishedIntent.of(intent, agreed.contains(vendorId))));
		}
		return intent;
	}

	public List<Intent> list(UUID personId) {
		return jdbc.sql("SELECT * FROM intent WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query(this::intent)
			.list();
	}

	/**
	 * @throws NotFound for an intent that is not the person's
	 */
	public Intent require(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM intent WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(this::intent)
			.optional()
			.orElseThrow(() -> new NotFound("Intent"));
	}

	/**
	 * Locks the row, so that a publish, a change, an offer and the award of one intent
	 * happen one at a time.
	 */
	Intent requireForUpdate(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM intent WHERE id = ? AND person_id = ? FOR UPDATE")
			.params(id, personId)
			.query(this::intent)
			.optional()
			.orElseThrow(() -> new NotFound("Intent"));
	}

	Optional<Owned> byRef(String ref, boolean lock) {
		return jdbc.sql("SELECT * FROM intent WHERE ref = ?" + (lock ? " FOR UPDATE" : ""))
			.param(ref)
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), intent(rs, n)))
			.optional();
	}

	/**
	 * An intent with its owner: only for the hub's own checks, never shown to a vendor.
	 */
	record Owned(UUID personId, Intent intent) {
	}

	/**
	 * Closes the intent: the state, the vendors told ({@code intent.closed}), the audit
	 * log.
	 * @throws Conflict {@code state} when it is already closed
	 */
	@Transactional
	Intent close(UUID personId, UUID id, IntentState state, String action) {
		Intent current = requireForUpdate(personId, id);
		if (!current.state().isEditable()) {
			throw new Conflict("state", "intent.closed");
		}
		jdbc.sql("UPDATE intent SET state = ?, closed_at = ?, updated_at = ? WHERE id = ?")
			.params(state.name(), now(), now(), id)
			.update();
		List<Map<String, Object>> notChosen = jdbc
			.sql("SELECT id, vendor_id FROM offer WHERE intent_id = ? AND state = 'OPEN'")
			.param(id)
			.query((rs, n) -> Map.<String, Object>of("offerId", rs.getObject("id", UUID.class), "vendorId",
					rs.getObject("vendor_id", UUID.class)))
			.list();
		jdbc.sql(
				"UPDATE offer SET state = 'NOT_CHOSEN', open_key = NULL, decided_at = ? WHERE intent_id = ? AND state = 'OPEN'")
			.params(now(), id)
			.update();
		Intent closed = require(personId, id);
		for (Map<String, Object> offer : notChosen) {
			feed.post((UUID) offer.get("vendorId"), "offer.not-chosen",
					new OfferNotChosenNotice(closed.ref(), (UUID) offer.get("offerId")));
		}
		for (UUID vendorId : toldVendors(id)) {
			record(id, vendorId, null, "CLOSED");
			feed.post(vendorId, "intent.closed",
					new IntentClosedNotice(closed.ref(), state.name().toLowerCase(java.util.Locale.ROOT)));
		}
		audit.record(personId, action, "intent:" + id);
		return closed;
	}

	/** Closes intents past their expiry; offers on them are not chosen. */
	@Scheduled(fixedDelayString = "${openvrm.intents.expiry-interval:60s}")
	public void expire() {
		List<Owned> due = jdbc.sql("SELECT * FROM intent WHERE state IN ('DRAFT', 'PUBLISHED') AND expires_at <= ?")
			.param(now())
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), intent(rs, n)))
			.list();
		for (Owned owned : due) {
			try {
				transactions.executeWithoutResult(
						tx -> close(owned.personId(), owned.intent().id(), IntentState.EXPIRED, "intent-expired"));
			}
			catch (Conflict closedMeanwhile) {
				// the person closed it between the query and now
			}
		}
	}

	/**
	 * Matches the intent (again) and tells each matched vendor not blocked by the person.
	 */
	private Intent announce(UUID personId, UUID id) {
		jdbc.sql("UPDATE intent SET revision = revision + 1, updated_at = ? WHERE id = ?").params(now(), id).update();
		Intent intent = require(personId, id);
		Set<UUID> told = new HashSet<>(toldVendors(id));
		Set<UUID> blocked = relationships.blockedVendors(personId);
		PublishedIntent shown = PublishedIntent.of(intent, false);
		for (Matching.Match match : matching.match(intent)) {
			if (blocked.contains(match.vendorId())) {
				continue;
			}
			boolean again = told.contains(match.vendorId());
			record(id, match.vendorId(), match.subscriptionId(), again ? "CHANGED" : "MATCHED");
			feed.post(match.vendorId(), again ? "intent.changed" : "intent.matched",
					new IntentNotice(intent.ref(), shown));
		}
		return intent;
	}

	List<UUID> toldVendors(UUID intentId) {
		return jdbc.sql("SELECT DISTINCT vendor_id FROM intent_match WHERE intent_id = ?")
			.param(intentId)
			.query(UUID.class)
			.list();
	}

	private Set<UUID> agreedVendors(UUID intentId) {
		return new HashSet<>(jdbc.sql("SELECT vendor_id FROM intent_agreement WHERE intent_id = ?")
			.param(intentId)
			.query(UUID.class)
			.list());
	}

	private void record(UUID intentId, UUID vendorId, UUID subscriptionId, String kind) {
		jdbc.sql("INSERT INTO intent_match (intent_id, vendor_id, subscription_id, kind, at) VALUES (?, ?, ?, ?, ?)")
			.params(intentId, vendorId, subscriptionId, kind, now())
			.update();
	}

	Intent intent(ResultSet rs, int n) throws SQLException {
		return new Intent(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getString("pseudonym"),
				IntentState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("category"),
				split(rs.getString("regions")), rs.getString("place"),
				(Integer) rs.getObject("radius_km", Integer.class), rs.getObject("date_from", LocalDate.class),
				rs.getObject("date_to", LocalDate.class), rs.getObject("quantity", Integer.class),
				MinorUnit.amount(rs.getBigDecimal("budget"), rs.getString("currency")), rs.getString("currency"),
				json.readValue(rs.getString("attributes"), new TypeReference<List<Attribute>>() {
				}), rs.getString("description"), instant(rs, "expires_at"), split(rs.getString("terms")),
				split(rs.getString("disclosure")), rs.getInt("revision"), rs.getString("source"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"),
				instant(rs, "closed_at"), instant(rs, "offers_closed_at"));
	}

	/** The regions as kept: comma-joined, null for anywhere. */
	private static String joined(List<String> regions) {
		return regions.isEmpty() ? null : String.join(",", regions);
	}

	static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

	/** An intent takes offers until the end of its last day (UTC). */
	private static OffsetDateTime endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
