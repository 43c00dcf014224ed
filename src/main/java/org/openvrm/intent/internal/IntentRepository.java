package org.openvrm.intent.internal;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.Attribute;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentAgreement;
import org.openvrm.intent.IntentDraft;
import org.openvrm.intent.IntentState;
import org.openvrm.platform.MinorUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where intents are kept: the intents, the vendors each was matched to (the vendors'
 * intent feed) and the vendors' acceptances of its terms.
 */
@Repository
public class IntentRepository {

	/**
	 * An intent with its owner: only for the hub's own checks, never shown to a vendor.
	 */
	public record Owned(UUID personId, Intent intent) {
	}

	/** One entry of a vendor's intent feed, with the intent as it is now. */
	public record Matched(long seq, String kind, Instant at, Intent intent) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IntentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Keeps a checked draft as a new intent in state {@code DRAFT}: the person's, or
	 * (person null) one from the open market's {@code origin}.
	 */
	public void insert(UUID id, UUID personId, String origin, String ref, String pseudonym, IntentDraft checked,
			Instant expiresAt, String source, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO intent (id, person_id, ref, pseudonym, state, title, category, regions, place, radius_km, date_from,
						date_to, quantity, budget, currency, attributes, description, expires_at, terms, disclosure, revision, source,
						created_at, updated_at, open_market, origin)
						VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
						""")
			.params(id, personId, ref, pseudonym, checked.title(), checked.category(), joined(checked.regions()),
					checked.place(), checked.radiusKm(), checked.from(), checked.to(), checked.quantity(),
					checked.budget(), checked.currency(), json.writeValueAsString(checked.attributes()),
					checked.description(), utc(expiresAt), String.join(",", checked.terms()),
					String.join(",", checked.disclosure()), source, utc(now), utc(now),
					Boolean.TRUE.equals(checked.openMarket()), origin)
			.update();
	}

	/** Writes what the person changed. */
	public void update(UUID id, IntentDraft checked, Instant expiresAt, Instant now) {
		jdbc.sql(
				"""
						UPDATE intent SET title = ?, category = ?, regions = ?, place = ?, radius_km = ?, date_from = ?, date_to = ?,
						quantity = ?, budget = ?, currency = ?, attributes = ?, description = ?, expires_at = ?, terms = ?,
						disclosure = ?, updated_at = ?, open_market = ? WHERE id = ?
						""")
			.params(checked.title(), checked.category(), joined(checked.regions()), checked.place(), checked.radiusKm(),
					checked.from(), checked.to(), checked.quantity(), checked.budget(), checked.currency(),
					json.writeValueAsString(checked.attributes()), checked.description(), utc(expiresAt),
					String.join(",", checked.terms()), String.join(",", checked.disclosure()), utc(now),
					Boolean.TRUE.equals(checked.openMarket()), id)
			.update();
	}

	public void markPublished(UUID id, Instant now) {
		jdbc.sql("UPDATE intent SET state = 'PUBLISHED', published_at = ? WHERE id = ?").params(utc(now), id).update();
	}

	/** A new revision, announced to the vendors it matches. */
	public void markRevised(UUID id, Instant now) {
		jdbc.sql("UPDATE intent SET revision = revision + 1, updated_at = ? WHERE id = ?")
			.params(utc(now), id)
			.update();
	}

	public void markShortlisted(UUID id, Instant now) {
		jdbc.sql("UPDATE intent SET offers_closed_at = ?, updated_at = ? WHERE id = ?")
			.params(utc(now), utc(now), id)
			.update();
	}

	public void markReopened(UUID id, Instant now) {
		jdbc.sql("UPDATE intent SET offers_closed_at = NULL, updated_at = ? WHERE id = ?")
			.params(utc(now), id)
			.update();
	}

	public void markClosed(UUID id, IntentState state, Instant now) {
		jdbc.sql("UPDATE intent SET state = ?, closed_at = ?, updated_at = ? WHERE id = ?")
			.params(state.name(), utc(now), utc(now), id)
			.update();
	}

	public List<Intent> ofPerson(UUID personId) {
		return jdbc.sql("SELECT * FROM intent WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query(this::intent)
			.list();
	}

	public Optional<Intent> find(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM intent WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(this::intent)
			.optional();
	}

	/** The intent with its row locked. */
	public Optional<Intent> findForUpdate(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM intent WHERE id = ? AND person_id = ? FOR UPDATE")
			.params(id, personId)
			.query(this::intent)
			.optional();
	}

	public Optional<Owned> byRef(String ref, boolean lock) {
		return jdbc.sql("SELECT * FROM intent WHERE ref = ?" + (lock ? " FOR UPDATE" : ""))
			.param(ref)
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), intent(rs, n)))
			.optional();
	}

	/** Any intent, with its owner (none for one from the open market). */
	public Optional<Owned> byId(UUID id, boolean lock) {
		return jdbc.sql("SELECT * FROM intent WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
			.param(id)
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), intent(rs, n)))
			.optional();
	}

	/** Drafts and published intents whose expiry has come. */
	public List<Owned> due(Instant now) {
		return jdbc.sql("SELECT * FROM intent WHERE state IN ('DRAFT', 'PUBLISHED') AND expires_at <= ?")
			.param(utc(now))
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), intent(rs, n)))
			.list();
	}

	/** The vendors the intent was ever matched to. */
	public List<UUID> toldVendors(UUID intentId) {
		return jdbc.sql("SELECT DISTINCT vendor_id FROM intent_match WHERE intent_id = ?")
			.param(intentId)
			.query(UUID.class)
			.list();
	}

	public boolean wasTold(UUID intentId, UUID vendorId) {
		return jdbc.sql("SELECT COUNT(*) FROM intent_match WHERE intent_id = ? AND vendor_id = ?")
			.params(intentId, vendorId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * An entry of the vendor's feed: {@code MATCHED}, {@code CHANGED} or {@code CLOSED}.
	 */
	public void insertMatch(UUID intentId, UUID vendorId, UUID subscriptionId, String kind, Instant now) {
		jdbc.sql("INSERT INTO intent_match (intent_id, vendor_id, subscription_id, kind, at) VALUES (?, ?, ?, ?, ?)")
			.params(intentId, vendorId, subscriptionId, kind, utc(now))
			.update();
	}

	/** The vendor's feed after the sequence number, oldest first. */
	public List<Matched> feed(UUID vendorId, long after, int limit) {
		return jdbc.sql("""
				SELECT m.seq, m.kind, m.at AS matched_at, i.* FROM intent_match m JOIN intent i ON i.id = m.intent_id
				WHERE m.vendor_id = ? AND m.seq > ? ORDER BY m.seq FETCH FIRST ? ROWS ONLY
				""")
			.params(vendorId, after, limit)
			.query((rs, n) -> new Matched(rs.getLong("seq"), rs.getString("kind").toLowerCase(Locale.ROOT),
					instant(rs, "matched_at"), intent(rs, n)))
			.list();
	}

	/** The published intents matched to the vendor, newest first. */
	public List<Intent> openFor(UUID vendorId) {
		return jdbc.sql("""
				SELECT * FROM intent WHERE state = 'PUBLISHED'
				AND id IN (SELECT intent_id FROM intent_match WHERE vendor_id = ?) ORDER BY published_at DESC
				""").param(vendorId).query(this::intent).list();
	}

	public void insertAgreement(UUID id, UUID intentId, UUID vendorId, List<String> agreements, String actor,
			String signed, Instant acceptedAt) {
		jdbc.sql("""
				INSERT INTO intent_agreement (id, intent_id, vendor_id, agreements, actor, signed, accepted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, intentId, vendorId, String.join(",", agreements), actor, signed, utc(acceptedAt))
			.update();
	}

	public Optional<IntentAgreement> agreement(UUID vendorId, UUID intentId) {
		return jdbc.sql("""
				SELECT a.*, i.ref FROM intent_agreement a JOIN intent i ON i.id = a.intent_id
				WHERE a.vendor_id = ? AND a.intent_id = ?
				""")
			.params(vendorId, intentId)
			.query((rs, n) -> new IntentAgreement(rs.getObject("id", UUID.class), rs.getString("ref"),
					split(rs.getString("agreements")), rs.getString("actor"), instant(rs, "accepted_at"),
					rs.getString("signed")))
			.optional();
	}

	/** The vendors that accepted the intent's terms. */
	public Set<UUID> agreedVendors(UUID intentId) {
		return new HashSet<>(jdbc.sql("SELECT vendor_id FROM intent_agreement WHERE intent_id = ?")
			.param(intentId)
			.query(UUID.class)
			.list());
	}

	/** The intents whose terms the vendor accepted. */
	public List<UUID> agreedIntents(UUID vendorId) {
		return jdbc.sql("SELECT intent_id FROM intent_agreement WHERE vendor_id = ?")
			.param(vendorId)
			.query(UUID.class)
			.list();
	}

	private Intent intent(ResultSet rs, int n) throws SQLException {
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
				instant(rs, "closed_at"), instant(rs, "offers_closed_at"), rs.getBoolean("open_market"),
				rs.getString("origin"));
	}

	/** The regions as kept: comma-joined, null for anywhere. */
	private static String joined(List<String> regions) {
		return regions.isEmpty() ? null : String.join(",", regions);
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
	}

	/**
	 * This hub's intents on the open market that take offers: published, not shortlisted,
	 * not expired, their person having chosen the open market (none from another hub);
	 * newest publication first, those published before
	 * {@code (beforePublished, beforeRef)} when it is given.
	 */
	public List<Intent> onOpenMarket(Instant beforePublished, String beforeRef, Instant now, int limit) {
		String before = beforePublished == null ? "" : " AND (published_at < ? OR (published_at = ? AND ref < ?))";
		List<Object> params = new ArrayList<>(List.of(utc(now)));
		if (beforePublished != null) {
			params.addAll(List.of(utc(beforePublished), utc(beforePublished), beforeRef));
		}
		params.add(limit);
		return jdbc
			.sql("""
					SELECT * FROM intent WHERE state = 'PUBLISHED' AND open_market = TRUE AND origin IS NULL
					AND offers_closed_at IS NULL AND expires_at > ?""" + before
					+ " ORDER BY published_at DESC, ref DESC FETCH FIRST ? ROWS ONLY")
			.params(params)
			.query(this::intent)
			.list();
	}

}
