package org.openvrm.mailbox.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Vendors' introductions through declared interests ({@code introduction}), read with the
 * interest's reference or category where a view needs it.
 */
@Repository
public class IntroductionRepository {

	/** An introduction as its vendor lists it. */
	public record Sent(UUID id, String interestRef, String status, UUID relationshipId, Instant sentAt,
			Instant decidedAt) {
	}

	/** An introduction as stored for the person, its message still sealed. */
	public record Received(UUID id, UUID interestId, String category, UUID vendorId, byte[] sealed,
			List<String> acceptedTerms, String status, UUID relationshipId, Instant sentAt) {
	}

	/** An introduction waiting for the person's answer. */
	public record Waiting(UUID id, UUID vendorId, Instant sentAt, String category) {
	}

	/** Who an introduction came from, through which interest, and where it stands. */
	public record Standing(UUID vendorId, String interestRef, String status) {
	}

	private final JdbcClient jdbc;

	IntroductionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an introduction's message is bound to when sealed. */
	public static String binding(UUID introductionId) {
		return "introduction:" + introductionId;
	}

	/** The vendor's introductions' status, by interest. */
	public Map<UUID, String> statusByInterest(UUID vendorId) {
		Map<UUID, String> sent = new HashMap<>();
		jdbc.sql("SELECT interest_id, status FROM introduction WHERE vendor_id = ?")
			.param(vendorId)
			.query((rs, n) -> sent.put(rs.getObject("interest_id", UUID.class), rs.getString("status")))
			.list();
		return sent;
	}

	public boolean exists(UUID interestId, UUID vendorId) {
		return jdbc.sql("SELECT count(*) FROM introduction WHERE interest_id = ? AND vendor_id = ?")
			.params(interestId, vendorId)
			.query(Long.class)
			.single() > 0;
	}

	/** Introductions through the interest sent after {@code since}. */
	public long countSince(UUID interestId, Instant since) {
		return jdbc.sql("SELECT count(*) FROM introduction WHERE interest_id = ? AND sent_at > ?")
			.params(interestId, utc(since))
			.query(Long.class)
			.single();
	}

	/** A pending introduction, its message sealed to the person. */
	public void insert(UUID id, UUID interestId, UUID personId, UUID vendorId, byte[] sealed,
			List<String> acceptedTerms, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO introduction (id, interest_id, person_id, vendor_id, sealed, accepted_terms, status, sent_at)
						VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)
						""")
			.params(id, interestId, personId, vendorId, sealed, String.join(",", acceptedTerms), utc(at))
			.update();
	}

	/** The vendor's own introductions, newest first, at most 200. */
	public List<Sent> sentBy(UUID vendorId) {
		return jdbc.sql("""
				SELECT n.id, i.ref, n.status, n.relationship_id, n.sent_at, n.decided_at
				FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.vendor_id = ? ORDER BY n.sent_at DESC FETCH FIRST 200 ROWS ONLY
				""")
			.param(vendorId)
			.query((rs, n) -> new Sent(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getString("status"),
					rs.getObject("relationship_id", UUID.class), instant(rs, "sent_at"), instant(rs, "decided_at")))
			.list();
	}

	/** The person's introductions, newest first. */
	public List<Received> ofPerson(UUID personId) {
		return jdbc.sql("""
				SELECT n.*, i.category FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.person_id = ? ORDER BY n.sent_at DESC
				""")
			.param(personId)
			.query((rs, n) -> new Received(rs.getObject("id", UUID.class), rs.getObject("interest_id", UUID.class),
					rs.getString("category"), rs.getObject("vendor_id", UUID.class), rs.getBytes("sealed"),
					Arrays.asList(rs.getString("accepted_terms").split(",")), rs.getString("status"),
					rs.getObject("relationship_id", UUID.class), instant(rs, "sent_at")))
			.list();
	}

	/** The person's pending introductions, oldest first. */
	public List<Waiting> waiting(UUID personId) {
		return jdbc
			.sql("""
					SELECT n.id, n.vendor_id, n.sent_at, i.category FROM introduction n JOIN interest i ON i.id = n.interest_id
					WHERE n.person_id = ? AND n.status = 'PENDING' ORDER BY n.sent_at
					""")
			.param(personId)
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
					instant(rs, "sent_at"), rs.getString("category")))
			.list();
	}

	public boolean isPending(UUID personId, UUID id) {
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

	/** The person's introduction, or empty for another's. */
	public Optional<Standing> find(UUID personId, UUID id) {
		return jdbc.sql("""
				SELECT n.vendor_id, i.ref, n.status FROM introduction n JOIN interest i ON i.id = n.interest_id
				WHERE n.id = ? AND n.person_id = ?
				""")
			.params(id, personId)
			.query((rs, n) -> new Standing(rs.getObject("vendor_id", UUID.class), rs.getString("ref"),
					rs.getString("status")))
			.optional();
	}

	/** Records the person's answer. */
	public void decide(UUID id, String status, UUID relationshipId, Instant at) {
		jdbc.sql("UPDATE introduction SET status = ?, relationship_id = ?, decided_at = ? WHERE id = ?")
			.params(status, relationshipId, utc(at), id)
			.update();
	}

}
