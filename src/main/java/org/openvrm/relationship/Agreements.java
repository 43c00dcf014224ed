package org.openvrm.relationship;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.AgreementRecord.State;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Terms in a relationship: the person proffers, the vendor accepts or declines. An
 * acceptance is signed by the hub so that either side can prove it later; a decline
 * leaves the vendor with nothing but the pseudonym. A vendor that accepts an agreement
 * from anyone (its profile says so) accepts it at once.
 */
@Service
public class Agreements {

	/**
	 * Who accepted or declined: a member of the vendor, one of its API clients, or its
	 * profile's standing acceptance.
	 */
	public record Actor(String type, String id) {

		public static Actor member(UUID accountId) {
			return new Actor("member", accountId.toString());
		}

		public static Actor client(String clientId) {
			return new Actor("client", clientId);
		}

		String label() {
			return type + ":" + id;
		}
	}

	private final JdbcClient jdbc;

	private final Roster roster;

	private final VendorProfiles vendors;

	private final HubKeys keys;

	private final Clock clock;

	private final Timeline timeline;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final VendorFeed feed;

	Agreements(JdbcClient jdbc, Roster roster, VendorProfiles vendors, HubKeys keys, Clock clock, Timeline timeline,
			org.springframework.context.ApplicationEventPublisher events, VendorFeed feed) {
		this.events = events;
		this.feed = feed;
		this.jdbc = jdbc;
		this.roster = roster;
		this.vendors = vendors;
		this.keys = keys;
		this.clock = clock;
		this.timeline = timeline;
	}

	/**
	 * Brings the relationship's records in line with what it proffers now: new agreements
	 * are proffered (and accepted at once if the vendor accepts them from anyone),
	 * agreements no longer proffered are withdrawn, or ended if they had been accepted.
	 */
	@Transactional
	void proffer(UUID relationshipId, UUID vendorId, String customerRef, List<String> proffered) {
		List<AgreementRecord> standing = standing(relationshipId);
		Instant now = clock.instant();
		for (AgreementRecord record : standing) {
			if (!proffered.contains(record.agreementId())) {
				close(record.id(), record.state() == State.ACCEPTED ? State.ENDED : State.WITHDRAWN, now);
			}
		}
		VendorProfile vendor = vendors.require(vendorId);
		List<String> declined = jdbc
			.sql("SELECT agreement_id FROM agreement_record WHERE relationship_id = ? AND state = 'DECLINED'")
			.param(relationshipId)
			.query(String.class)
			.list();
		for (String id : proffered) {
			// A vendor that declined is not asked again on every change of status; ending
			// the
			// relationship and starting a new one asks again.
			if (standing.stream().noneMatch(r -> r.agreementId().equals(id)) && !declined.contains(id)) {
				Agreement agreement = roster.require(id);
				UUID recordId = UUID.randomUUID();
				jdbc.sql(
						"""
								INSERT INTO agreement_record (id, relationship_id, vendor_id, agreement_id, version, digest, state, proffered_at, open_key)
								VALUES (?, ?, ?, ?, ?, ?, 'PROFFERED', ?, ?)
								""")
					.params(recordId, relationshipId, vendorId, id, agreement.version(), agreement.digest(), utc(now),
							relationshipId + ":" + id)
					.update();
				timeline.record(relationshipId, "agreement-proffered", id);
				if (vendor.acceptedTerms().contains(id)) {
					decide(recordId, new Actor("profile", vendorId.toString()), true);
				}
				else {
					feed.post(vendorId, "agreement.proffered", new AgreementNotice(customerRef, id, recordId));
				}
			}
		}
	}

	/** Every standing record ends with its relationship. */
	@Transactional
	void endAll(UUID relationshipId) {
		standing(relationshipId).forEach(record -> close(record.id(), State.ENDED, clock.instant()));
	}

	/**
	 * The vendor accepts (or declines) an agreement proffered to it.
	 * @throws NotFound for a reference that is not the vendor's, a blocked or ended
	 * relationship, or an agreement that is not (or no longer) proffered
	 */
	@Transactional
	public AgreementRecord decide(UUID vendorId, String customerRef, String agreementId, Actor actor, boolean accept) {
		UUID recordId = jdbc.sql("""
				SELECT a.id FROM agreement_record a JOIN relationship r ON r.id = a.relationship_id
				WHERE a.vendor_id = ? AND r.customer_ref = ? AND a.agreement_id = ? AND a.state = 'PROFFERED'
				AND r.ended_at IS NULL AND r.status <> 'BLOCKED'
				""")
			.params(vendorId, customerRef, agreementId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFound("Proffered agreement"));
		return decide(recordId, actor, accept);
	}

	/**
	 * Accepts, in the vendor's name, the records proffered in the relationship for
	 * agreements the vendor already accepted when it answered the person's intent (its
	 * signed intent agreement is the proof); the actor names that intent.
	 */
	@Transactional
	public void acceptAnswered(UUID relationshipId, List<String> agreementIds, Actor actor) {
		for (AgreementRecord record : standing(relationshipId)) {
			if (record.state() == State.PROFFERED && agreementIds.contains(record.agreementId())) {
				decide(record.id(), actor, true);
			}
		}
	}

	/**
	 * What the person sees of a relationship's agreements (the caller has checked the
	 * relationship is theirs).
	 */
	/**
	 * Terms vendors declined in the person's standing, unblocked relationships, newest
	 * first.
	 */
	public List<DeclinedTerms> declinedIn(UUID personId) {
		return jdbc.sql("""
				SELECT a.id, a.relationship_id, r.vendor_id, a.agreement_id, a.decided_at FROM agreement_record a
				JOIN relationship r ON r.id = a.relationship_id
				WHERE r.person_id = ? AND a.state = 'DECLINED' AND r.ended_at IS NULL AND r.status <> 'BLOCKED'
				ORDER BY a.decided_at DESC
				""")
			.param(personId)
			.query((rs, n) -> new DeclinedTerms(rs.getObject("id", UUID.class),
					rs.getObject("relationship_id", UUID.class), rs.getObject("vendor_id", UUID.class),
					rs.getString("agreement_id"),
					rs.getObject("decided_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	public List<AgreementRecord> ofRelationship(UUID relationshipId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? ORDER BY a.proffered_at DESC, a.agreement_id")
			.param(relationshipId)
			.query(Agreements::record)
			.list();
	}

	/**
	 * The vendor's agreements in relationships it can still reach; {@code state} null for
	 * all.
	 */
	public List<AgreementRecord> ofVendor(UUID vendorId, State state) {
		return jdbc
			.sql(SELECT + " WHERE a.vendor_id = ? AND r.ended_at IS NULL AND r.status <> 'BLOCKED'"
					+ " ORDER BY a.proffered_at DESC, a.agreement_id")
			.param(vendorId)
			.query(Agreements::record)
			.list()
			.stream()
			.filter(record -> state == null || record.state() == state)
			.toList();
	}

	/**
	 * One record of the vendor's (an ended relationship's records stay provable; a
	 * blocked one's are out of reach).
	 */
	public AgreementRecord recordOfVendor(UUID vendorId, UUID recordId) {
		return jdbc.sql(SELECT + " WHERE a.id = ? AND a.vendor_id = ? AND r.status <> 'BLOCKED'")
			.params(recordId, vendorId)
			.query(Agreements::record)
			.optional()
			.orElseThrow(() -> new NotFound("Agreement record"));
	}

	/** One record of the person's. */
	public AgreementRecord recordOfPerson(UUID personId, UUID recordId) {
		return jdbc.sql(SELECT + " WHERE a.id = ? AND r.person_id = ?")
			.params(recordId, personId)
			.query(Agreements::record)
			.optional()
			.orElseThrow(() -> new NotFound("Agreement record"));
	}

	/** The accepted agreement ids of a relationship. */
	public List<String> accepted(UUID relationshipId) {
		return jdbc.sql(
				"SELECT agreement_id FROM agreement_record WHERE relationship_id = ? AND state = 'ACCEPTED' ORDER BY agreement_id")
			.param(relationshipId)
			.query(String.class)
			.list();
	}

	/** The relationship's accepted record of that agreement, if it stands. */
	public Optional<AgreementRecord> accepted(UUID relationshipId, String agreementId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? AND a.agreement_id = ? AND a.state = 'ACCEPTED'")
			.params(relationshipId, agreementId)
			.query(Agreements::record)
			.optional();
	}

	/** Whether the record is (still) accepted. */
	public boolean stands(UUID recordId) {
		return jdbc.sql("SELECT count(*) FROM agreement_record WHERE id = ? AND state = 'ACCEPTED'")
			.param(recordId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a signed record is genuine: signed by this hub's key and unchanged. */
	public Optional<HubKeys.Verified> verify(String signedRecord) {
		return keys.verify(signedRecord).filter(verified -> "agreement-record".equals(verified.claims().get("typ")));
	}

	private AgreementRecord decide(UUID recordId, Actor actor, boolean accept) {
		Instant now = clock.instant();
		AgreementRecord record = jdbc.sql(SELECT + " WHERE a.id = ?")
			.param(recordId)
			.query(Agreements::record)
			.single();
		String signed = accept ? keys.sign(claims(record, actor, now)) : null;
		// Only a record still proffered changes: a withdrawal, an end or another answer
		// that came
		// first wins, and no second signed record is ever handed out.
		int decided = jdbc.sql("""
				UPDATE agreement_record SET state = ?, decided_at = ?, decided_by = ?, signed_record = ?,
				open_key = CASE WHEN ? THEN open_key ELSE NULL END
				WHERE id = ? AND state = 'PROFFERED'
				""")
			.params(accept ? "ACCEPTED" : "DECLINED", utc(now), actor.label(), signed, accept, recordId)
			.update();
		if (decided == 0) {
			throw new NotFound("Proffered agreement");
		}
		UUID relationshipId = jdbc.sql("SELECT relationship_id FROM agreement_record WHERE id = ?")
			.param(recordId)
			.query(UUID.class)
			.single();
		timeline.record(relationshipId, accept ? "agreement-accepted" : "agreement-declined", record.agreementId());
		return jdbc.sql(SELECT + " WHERE a.id = ?").param(recordId).query(Agreements::record).single();
	}

	private Map<String, Object> claims(AgreementRecord record, Actor actor, Instant acceptedAt) {
		UUID vendorId = jdbc.sql("SELECT vendor_id FROM agreement_record WHERE id = ?")
			.param(record.id())
			.query(UUID.class)
			.single();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("typ", "agreement-record");
		claims.put("jti", record.id().toString());
		claims.put("iat", acceptedAt.getEpochSecond());
		claims.put("agreement", Map.of("id", record.agreementId(), "version", record.version(), "digest",
				record.digest(), "text", "/api/v1/terms/" + record.agreementId()));
		claims.put("customerRef", record.customerRef());
		claims.put("vendor", Map.of("id", vendorId.toString(), "name", vendors.require(vendorId).name()));
		claims.put("profferedBy", Map.of("type", "person", "ref", record.customerRef()));
		claims.put("profferedAt", record.profferedAt().toString());
		claims.put("acceptedBy", Map.of("type", actor.type(), "id", actor.id()));
		claims.put("acceptedAt", acceptedAt.toString());
		return claims;
	}

	private List<AgreementRecord> standing(UUID relationshipId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? AND a.state IN ('PROFFERED', 'ACCEPTED')")
			.param(relationshipId)
			.query(Agreements::record)
			.list();
	}

	private void close(UUID recordId, State state, Instant now) {
		if (state == State.ENDED) {
			UUID relationshipId = jdbc.sql("SELECT relationship_id FROM agreement_record WHERE id = ?")
				.param(recordId)
				.query(UUID.class)
				.single();
			events.publishEvent(new AgreementEnded(relationshipId, recordId));
		}
		jdbc.sql(
				"UPDATE agreement_record SET state = ?, decided_at = COALESCE(decided_at, ?), open_key = NULL WHERE id = ?")
			.params(state.name(), utc(now), recordId)
			.update();
	}

	private static final String SELECT = """
			SELECT a.id, r.customer_ref, a.agreement_id, a.version, a.digest, a.state, a.proffered_at, a.decided_at,
			a.decided_by, a.signed_record FROM agreement_record a JOIN relationship r ON r.id = a.relationship_id""";

	private static AgreementRecord record(ResultSet rs, int n) throws SQLException {
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new AgreementRecord(rs.getObject("id", UUID.class), rs.getString("customer_ref"),
				rs.getString("agreement_id"), rs.getString("version"), rs.getString("digest"),
				State.valueOf(rs.getString("state")), rs.getObject("proffered_at", OffsetDateTime.class).toInstant(),
				decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
				rs.getString("signed_record"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
