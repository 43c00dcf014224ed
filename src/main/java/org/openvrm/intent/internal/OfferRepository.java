package org.openvrm.intent.internal;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.intent.AttributeFit;
import org.openvrm.intent.Offer;
import org.openvrm.intent.OfferAttachment;
import org.openvrm.intent.OfferMessage;
import org.openvrm.intent.OfferState;
import org.openvrm.platform.MinorUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where offers are kept, with their questions and answers and their attachments (sealed
 * to the person). The only writer of {@code offer}: posting, revising, withdrawing, the
 * award and the intent's close.
 */
@Repository
public class OfferRepository {

	/** What a vendor offers, checked. */
	public record Terms(BigDecimal price, String currency, String included, List<AttributeFit> fit, String conditions,
			LocalDate validUntil) {
	}

	/** An open offer and its vendor. */
	public record Bidder(UUID offerId, UUID vendorId) {
	}

	private static final String SELECT = """
			SELECT o.*, i.ref, v.name AS vendor_name, v.origin AS vendor_origin FROM offer o JOIN intent i ON i.id = o.intent_id
			JOIN vendor v ON v.id = o.vendor_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OfferRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Whether the vendor has an open offer on the intent. */
	public boolean hasOpen(UUID intentId, UUID vendorId) {
		return jdbc.sql("SELECT COUNT(*) FROM offer WHERE open_key = ?")
			.param(openKey(intentId, vendorId))
			.query(Long.class)
			.single() > 0;
	}

	public void insert(UUID id, UUID intentId, UUID vendorId, Terms terms, String actor, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO offer (id, intent_id, vendor_id, state, open_key, price, currency, included, fit, conditions,
						valid_until, revision, actor, created_at, updated_at)
						VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
						""")
			.params(id, intentId, vendorId, openKey(intentId, vendorId), terms.price(), terms.currency(),
					terms.included(), json.writeValueAsString(terms.fit()), terms.conditions(), terms.validUntil(),
					actor, utc(now), utc(now))
			.update();
	}

	public void revise(UUID id, Terms terms, String actor, Instant now) {
		jdbc.sql("""
				UPDATE offer SET price = ?, currency = ?, included = ?, fit = ?, conditions = ?, valid_until = ?,
				revision = revision + 1, actor = ?, updated_at = ? WHERE id = ?
				""")
			.params(terms.price(), terms.currency(), terms.included(), json.writeValueAsString(terms.fit()),
					terms.conditions(), terms.validUntil(), actor, utc(now), id)
			.update();
	}

	public void markWithdrawn(UUID id, Instant now) {
		jdbc.sql("UPDATE offer SET state = 'WITHDRAWN', open_key = NULL, updated_at = ? WHERE id = ?")
			.params(utc(now), id)
			.update();
	}

	public void markAccepted(UUID id, Instant now) {
		jdbc.sql("UPDATE offer SET state = 'ACCEPTED', open_key = NULL, decided_at = ? WHERE id = ?")
			.params(utc(now), id)
			.update();
	}

	/** The open offers on the intent. */
	public List<Bidder> openOn(UUID intentId) {
		return jdbc.sql("SELECT id, vendor_id FROM offer WHERE intent_id = ? AND state = 'OPEN'")
			.param(intentId)
			.query((rs, n) -> new Bidder(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class)))
			.list();
	}

	/** Every open offer on the intent is not chosen. */
	public void markNotChosen(UUID intentId, Instant now) {
		jdbc.sql(
				"UPDATE offer SET state = 'NOT_CHOSEN', open_key = NULL, decided_at = ? WHERE intent_id = ? AND state = 'OPEN'")
			.params(utc(now), intentId)
			.update();
	}

	/** The vendor's open offer on the intent, if it has one. */
	public Optional<Offer> open(UUID intentId, UUID vendorId) {
		return jdbc.sql(SELECT + " WHERE o.open_key = ?")
			.param(openKey(intentId, vendorId))
			.query(this::offer)
			.optional();
	}

	/** The vendor's offers on the intent, newest first. */
	public List<Offer> ofVendor(UUID intentId, UUID vendorId) {
		return jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.vendor_id = ? ORDER BY o.created_at DESC")
			.params(intentId, vendorId)
			.query(this::offer)
			.list();
	}

	/** The offers on the intent, withdrawn ones left out. */
	public List<Offer> received(UUID intentId) {
		return jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.state <> 'WITHDRAWN'")
			.param(intentId)
			.query(this::offer)
			.list();
	}

	public Optional<Offer> find(UUID intentId, UUID offerId) {
		return jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.id = ?")
			.params(intentId, offerId)
			.query(this::offer)
			.optional();
	}

	/** How many open offers each of the person's published intents has. */
	public Map<UUID, Integer> openCounts(UUID personId) {
		Map<UUID, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT o.intent_id, count(*) AS n FROM offer o JOIN intent i ON i.id = o.intent_id
				WHERE i.person_id = ? AND i.state = 'PUBLISHED' AND o.state = 'OPEN' GROUP BY o.intent_id
				""")
			.param(personId)
			.query((rs, n) -> counts.put(rs.getObject("intent_id", UUID.class), rs.getInt("n")))
			.list();
		return counts;
	}

	public List<OfferMessage> messages(UUID offerId) {
		return jdbc.sql("SELECT * FROM offer_message WHERE offer_id = ? ORDER BY at, id")
			.param(offerId)
			.query((rs, n) -> new OfferMessage(rs.getObject("id", UUID.class),
					rs.getString("author").toLowerCase(Locale.ROOT), rs.getString("body"), instant(rs, "at")))
			.list();
	}

	public void insertMessage(UUID id, UUID offerId, String author, String body, Instant now) {
		jdbc.sql("INSERT INTO offer_message (id, offer_id, author, body, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, offerId, author, body, utc(now))
			.update();
	}

	public void insertAttachment(UUID id, UUID offerId, String fileName, String contentType, int size, byte[] sealed,
			Instant now) {
		jdbc.sql("""
				INSERT INTO offer_attachment (id, offer_id, file_name, content_type, size, sealed, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(id, offerId, fileName, contentType, size, sealed, utc(now)).update();
	}

	public List<OfferAttachment> attachments(UUID offerId) {
		return jdbc.sql("""
				SELECT id, offer_id, file_name, content_type, size, created_at FROM offer_attachment
				WHERE offer_id = ? ORDER BY created_at, id
				""").param(offerId).query(OfferRepository::attachment).list();
	}

	/** The attachment's content, sealed to the person. */
	public byte[] sealed(UUID attachmentId) {
		return jdbc.sql("SELECT sealed FROM offer_attachment WHERE id = ?")
			.param(attachmentId)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	private static String openKey(UUID intentId, UUID vendorId) {
		return intentId + ":" + vendorId;
	}

	private Offer offer(ResultSet rs, int n) throws SQLException {
		return new Offer(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getObject("vendor_id", UUID.class),
				rs.getString("vendor_name"), OfferState.valueOf(rs.getString("state")),
				MinorUnit.amount(rs.getBigDecimal("price"), rs.getString("currency")), rs.getString("currency"),
				rs.getString("included"), json.readValue(rs.getString("fit"), new TypeReference<List<AttributeFit>>() {
				}), rs.getString("conditions"), rs.getObject("valid_until", LocalDate.class), rs.getInt("revision"),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("vendor_origin"));
	}

	private static OfferAttachment attachment(ResultSet rs, int n) throws SQLException {
		return new OfferAttachment(rs.getObject("id", UUID.class), rs.getObject("offer_id", UUID.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), instant(rs, "created_at"));
	}

}
