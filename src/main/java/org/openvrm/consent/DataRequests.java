package org.openvrm.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.internal.ConsentProperties;
import org.openvrm.consent.internal.DataRequestRepository;
import org.openvrm.consent.internal.DataRequestRepository.DataRequestRow;
import org.openvrm.consent.internal.DataRequestRepository.NewRow;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final DataRequestRepository repository;

	private final Relationships relationships;

	private final Agreements agreements;

	private final Grants grants;

	private final VendorProfiles vendors;

	private final Clock clock;

	private final int perDay;

	private final int pending;

	private final ServiceShares serviceShares;

	private final ApplicationEventPublisher events;

	DataRequests(DataRequestRepository repository, Relationships relationships, Agreements agreements, Grants grants,
			VendorProfiles vendors, Clock clock, ServiceShares serviceShares, ApplicationEventPublisher events,
			ConsentProperties properties) {
		this.serviceShares = serviceShares;
		this.events = events;
		this.repository = repository;
		this.relationships = relationships;
		this.agreements = agreements;
		this.grants = grants;
		this.vendors = vendors;
		this.clock = clock;
		this.perDay = properties.consent().requestsPerDay();
		this.pending = properties.consent().pendingRequests();
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
		AgreementRecord agreement = (request.agreementId() == null ? Optional.<AgreementRecord>empty()
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
		repository.insert(new NewRow(id, door.personId(), door.relationshipId(), door.vendorId(), agreement.id(),
				agreement.agreementId(), fields, purpose, request.durationDays(), reason,
				actor.type() + ":" + actor.id(), now, now.plus(LIFETIME)));
		events.publishEvent(new DataRequested(door.personId(), id, door.relationshipId(), purpose.key()));
		return view(repository.find(id));
	}

	/** The vendor's requests, newest first. */
	public List<DataRequest> ofVendor(UUID vendorId) {
		return views(repository.ofVendor(vendorId));
	}

	/**
	 * @throws NotFound for another vendor's request
	 */
	public DataRequest ofVendor(UUID vendorId, UUID id) {
		return view(repository.findOfVendor(vendorId, id));
	}

	/**
	 * The person's requests, newest first; only the unanswered ones if
	 * {@code pendingOnly}.
	 */
	public List<DataRequest> ofPerson(UUID personId, boolean pendingOnly) {
		return views(
				pendingOnly ? repository.pendingOfPerson(personId, clock.instant()) : repository.ofPerson(personId));
	}

	/**
	 * @throws NotFound for someone else's request
	 */
	public DataRequest ofPerson(UUID personId, UUID id) {
		return view(repository.findOfPerson(personId, id));
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
	@Scheduled(fixedDelayString = "${openvrm.consent.expiry-interval}",
			initialDelayString = "${openvrm.consent.expiry-interval}")
	@Transactional
	public void expire() {
		views(repository.pendingPastTheirTime(clock.instant()))
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
		if (!repository.answer(request.id(), state, clock.instant(), granted, grantId)) {
			throw new Conflict("request", "request.answered");
		}
		events.publishEvent(new DataRequestAnswered(request.relationshipId(), request.vendorId(),
				request.purpose().key(), state, new DataRequestNotice(request.id(), request.customerRef(), state.name(),
						granted == null ? List.of() : granted, grantId)));
	}

	private void checkRate(UUID relationshipId, Instant now) {
		long lastDay = repository.countSince(relationshipId, now.minus(Duration.ofDays(1)));
		if (lastDay >= perDay) {
			throw new TooManyRequests("At most " + perDay + " data requests per customer in 24 hours.",
					Duration.ofHours(1));
		}
		long open = repository.countPending(relationshipId, now);
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

	private DataRequest view(Optional<DataRequestRow> row) {
		return row.map(this::view).orElseThrow(() -> new NotFound("Data request"));
	}

	private List<DataRequest> views(List<DataRequestRow> rows) {
		return rows.stream().map(this::view).toList();
	}

	private DataRequest view(DataRequestRow row) {
		return new DataRequest(row.id(), row.relationshipId(), relationships.customerRef(row.relationshipId()),
				row.vendorId(), vendors.nameOf(row.vendorId()), row.agreementId(), row.fields(), row.purpose(),
				row.durationDays(), row.reason(), row.state(), row.createdAt(), row.expiresAt(), row.decidedAt(),
				row.grantedFields(), row.grantId());
	}

}
