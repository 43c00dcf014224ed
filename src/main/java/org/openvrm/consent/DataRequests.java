package org.openvrm.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Timeline;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vendors ask, people decide. A request names fields, a purpose, a duration and the
 * accepted agreement it rests on; the person approves all of it, some fields, or
 * declines, and approval makes the grant. Requests expire after 14 days unanswered. So
 * that no vendor can flood a person, each relationship takes at most 3 requests in 24
 * hours and holds at most 5 unanswered ones.
 */
@Service
public class DataRequests {

	static final Duration LIFETIME = Duration.ofDays(14);

	static final int MAX_FIELDS = 30;

	static final int MAX_REASON = 500;

	private final JdbcClient jdbc;

	private final Relationships relationships;

	private final Agreements agreements;

	private final Grants grants;

	private final VendorProfiles vendors;

	private final VendorFeed feed;

	private final Timeline timeline;

	private final JsonMapper json;

	private final Clock clock;

	private final int perDay;

	private final int pending;

	private final ServiceShares serviceShares;

	private final ApplicationEventPublisher events;

	DataRequests(JdbcClient jdbc, Relationships relationships, Agreements agreements, Grants grants,
			VendorProfiles vendors, VendorFeed feed, Timeline timeline, JsonMapper json, Clock clock,
			ServiceShares serviceShares, ApplicationEventPublisher events,
			@Value("${openvrm.consent.requests-per-day:3}") int perDay,
			@Value("${openvrm.consent.pending-requests:5}") int pending) {
		this.serviceShares = serviceShares;
		this.events = events;
		this.jdbc = jdbc;
		this.relationships = relationships;
		this.agreements = agreements;
		this.grants = grants;
		this.vendors = vendors;
		this.feed = feed;
		this.timeline = timeline;
		this.json = json;
		this.clock = clock;
		this.perDay = perDay;
		this.pending = pending;
	}

	/**
	 * @throws NotFound when the reference is not a customer the vendor can reach
	 * @throws InvalidInput naming {@code agreementId} (not accepted in this
	 * relationship), {@code fields}, {@code purpose}, {@code durationDays} or
	 * {@code reason}
	 * @throws TooManyRequests past the relationship's rate
	 */
	@Transactional
	public DataRequest ask(VendorActor actor, NewDataRequest request) {
		Door door = relationships
			.door(actor.vendorId(), request.customerRef() == null ? "" : request.customerRef().strip())
			.filter(Door::isOpen)
			.orElseThrow(() -> new NotFound("Customer"));
		AgreementRecord agreement = (request.agreementId() == null ? java.util.Optional.<AgreementRecord>empty()
				: agreements.accepted(door.relationshipId(), request.agreementId().strip()))
			.orElseThrow(() -> new InvalidInput("agreementId", "request.agreement.not-accepted"));
		List<String> fields = fields(request.fields());
		Purpose purpose = Purpose.of(request.purpose())
			.orElseThrow(() -> new InvalidInput("purpose", "grant.purpose.invalid"));
		if (request.durationDays() != null && (request.durationDays() < 1 || request.durationDays() > 3650)) {
			throw new InvalidInput("durationDays", "request.duration.invalid");
		}
		String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
		if (reason != null && reason.length() > MAX_REASON) {
			throw new InvalidInput("reason", "request.reason.too-long");
		}
		Instant now = clock.instant();
		checkRate(door.relationshipId(), now);
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO consent_data_request (id, person_id, relationship_id, vendor_id, agreement_record_id, agreement_id,
						fields, purpose, duration_days, reason, requested_by, state, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
						""")
			.params(id, door.personId(), door.relationshipId(), door.vendorId(), agreement.id(),
					agreement.agreementId(), json.writeValueAsString(fields), purpose.name(), request.durationDays(),
					reason, actor.type() + ":" + actor.id(), Grants.utc(now), Grants.utc(now.plus(LIFETIME)))
			.update();
		timeline.record(door.relationshipId(), "data-requested", purpose.key());
		events.publishEvent(new DataRequested(door.personId(), id));
		return one("id = ?", id);
	}

	/** The vendor's requests, newest first. */
	public List<DataRequest> ofVendor(UUID vendorId) {
		return many("vendor_id = ?", vendorId);
	}

	/**
	 * @throws NotFound for another vendor's request
	 */
	public DataRequest ofVendor(UUID vendorId, UUID id) {
		return one("vendor_id = ? AND id = ?", vendorId, id);
	}

	/**
	 * The person's requests, newest first; only the unanswered ones if
	 * {@code pendingOnly}.
	 */
	public List<DataRequest> ofPerson(UUID personId, boolean pendingOnly) {
		return many("person_id = ?" + (pendingOnly ? " AND state = 'PENDING' AND expires_at > ?" : ""),
				pendingOnly ? new Object[] { personId, Grants.utc(clock.instant()) } : new Object[] { personId });
	}

	/**
	 * @throws NotFound for someone else's request
	 */
	public DataRequest ofPerson(UUID personId, UUID id) {
		return one("person_id = ? AND id = ?", personId, id);
	}

	/**
	 * Approves the request for the fields given (all it asked for when none are given),
	 * making a grant for its purpose and duration.
	 * @throws Conflict {@code request.answered} or {@code request.expired}
	 * @throws InvalidInput {@code fields} not among those asked for, or without a value
	 * in the vault
	 */
	@Transactional
	public DataRequest approve(Vault vault, UUID id, List<String> approvedFields) {
		DataRequest request = waiting(vault.owner(), id);
		List<String> approved = approvedFields == null || approvedFields.isEmpty() ? request.fields()
				: approvedFields.stream().map(String::strip).distinct().toList();
		if (!request.fields().containsAll(approved)) {
			throw new InvalidInput("fields", "request.fields.not-asked");
		}
		Grant grant = grants.create(vault, new NewGrant(request.relationshipId(), request.agreementId(),
				request.purpose().key(), approved, null, List.of(), until(request)), id);
		DataRequest.State state = approved.size() == request.fields().size() ? DataRequest.State.APPROVED
				: DataRequest.State.PARTLY_APPROVED;
		answer(request, state, approved, grant.id());
		return ofPerson(vault.owner(), id);
	}

	/**
	 * Approves the whole request for one of the person's policies, while they may be
	 * away: the values come from their service share, which must hold every field asked
	 * for.
	 * @throws Conflict {@code request.answered}, {@code request.expired}, or
	 * {@code fields} ({@code request.share.missing}) when the service share lacks a field
	 */
	@Transactional
	public DataRequest approveFromServiceShare(UUID personId, UUID id) {
		DataRequest request = waiting(personId, id);
		Map<String, String> shared = serviceShares.values(personId);
		if (!shared.keySet().containsAll(request.fields())) {
			throw new Conflict("fields", "request.share.missing");
		}
		Grant grant = grants.createFromServiceShare(
				personId, new NewGrant(request.relationshipId(), request.agreementId(), request.purpose().key(),
						request.fields(), null, List.of(), until(request)),
				id, serviceShares.sources(personId), shared);
		answer(request, DataRequest.State.APPROVED, request.fields(), grant.id());
		return ofPerson(personId, id);
	}

	private LocalDate until(DataRequest request) {
		return request.durationDays() == null ? null
				: LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(request.durationDays());
	}

	/**
	 * @throws Conflict {@code request.answered} or {@code request.expired}
	 */
	@Transactional
	public DataRequest decline(UUID personId, UUID id) {
		DataRequest request = waiting(personId, id);
		answer(request, DataRequest.State.DECLINED, List.of(), null);
		return ofPerson(personId, id);
	}

	/** Marks unanswered requests past their time as expired, and tells their vendors. */
	@Scheduled(fixedDelayString = "${openvrm.consent.expiry-interval:5m}",
			initialDelayString = "${openvrm.consent.expiry-interval:5m}")
	@Transactional
	public void expire() {
		many("state = 'PENDING' AND expires_at <= ?", Grants.utc(clock.instant()))
			.forEach(request -> answer(request, DataRequest.State.EXPIRED, null, null));
	}

	private DataRequest waiting(UUID personId, UUID id) {
		DataRequest request = ofPerson(personId, id);
		if (request.state() == DataRequest.State.PENDING && !request.expiresAt().isAfter(clock.instant())) {
			answer(request, DataRequest.State.EXPIRED, null, null);
			throw new Conflict("request", "request.expired");
		}
		if (request.state() == DataRequest.State.EXPIRED) {
			throw new Conflict("request", "request.expired");
		}
		if (!request.isPending()) {
			throw new Conflict("request", "request.answered");
		}
		return request;
	}

	private void answer(DataRequest request, DataRequest.State state, List<String> granted, UUID grantId) {
		int answered = jdbc.sql("""
				UPDATE consent_data_request SET state = ?, decided_at = ?, granted_fields = ?, grant_id = ?
				WHERE id = ? AND state = 'PENDING'
				""")
			.params(state.name(), Grants.utc(clock.instant()),
					granted == null ? null : json.writeValueAsString(granted), grantId, request.id())
			.update();
		if (answered == 0) {
			throw new Conflict("request", "request.answered");
		}
		timeline.record(request.relationshipId(),
				"data-request-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				request.purpose().key());
		feed.post(request.vendorId(), "data-request.answered", new DataRequestNotice(request.id(),
				request.customerRef(), state.name(), granted == null ? List.of() : granted, grantId));
	}

	private void checkRate(UUID relationshipId, Instant now) {
		long lastDay = jdbc
			.sql("SELECT count(*) FROM consent_data_request WHERE relationship_id = ? AND created_at > ?")
			.params(relationshipId, Grants.utc(now.minus(Duration.ofDays(1))))
			.query(Long.class)
			.single();
		if (lastDay >= perDay) {
			throw new TooManyRequests("At most " + perDay + " data requests per customer in 24 hours.",
					Duration.ofHours(1));
		}
		long open = jdbc.sql(
				"SELECT count(*) FROM consent_data_request WHERE relationship_id = ? AND state = 'PENDING' AND expires_at > ?")
			.params(relationshipId, Grants.utc(now))
			.query(Long.class)
			.single();
		if (open >= pending) {
			throw new TooManyRequests(
					"At most " + pending + " unanswered data requests per customer; wait for an answer.",
					Duration.ofHours(1));
		}
	}

	private static List<String> fields(List<String> asked) {
		List<String> fields = asked == null ? List.of()
				: asked.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).distinct().toList();
		if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
			throw new InvalidInput("fields", "request.fields.invalid");
		}
		for (String field : fields) {
			if (SharedField.parse(field).isEmpty()) {
				throw new InvalidInput("fields", "grant.field.invalid");
			}
		}
		return fields;
	}

	private DataRequest one(String where, Object... params) {
		return jdbc.sql("SELECT * FROM consent_data_request WHERE " + where)
			.params(params)
			.query(this::request)
			.optional()
			.orElseThrow(() -> new NotFound("Data request"));
	}

	private List<DataRequest> many(String where, Object... params) {
		return jdbc.sql("SELECT * FROM consent_data_request WHERE " + where + " ORDER BY created_at DESC")
			.params(params)
			.query(this::request)
			.list();
	}

	private DataRequest request(ResultSet rs, int n) throws SQLException {
		UUID relationshipId = rs.getObject("relationship_id", UUID.class);
		UUID vendorId = rs.getObject("vendor_id", UUID.class);
		String granted = rs.getString("granted_fields");
		Integer duration = rs.getObject("duration_days") == null ? null : rs.getInt("duration_days");
		return new DataRequest(rs.getObject("id", UUID.class), relationshipId,
				relationships.customerRef(relationshipId), vendorId, vendors.nameOf(vendorId),
				rs.getString("agreement_id"), json.readValue(rs.getString("fields"), new TypeReference<List<String>>() {
				}), Purpose.valueOf(rs.getString("purpose")), duration, rs.getString("reason"),
				DataRequest.State.valueOf(rs.getString("state")), Grants.instant(rs, "created_at"),
				Grants.instant(rs, "expires_at"), Grants.instant(rs, "decided_at"),
				granted == null ? null : json.readValue(granted, new TypeReference<List<String>>() {
				}), rs.getObject("grant_id", UUID.class));
	}

}
