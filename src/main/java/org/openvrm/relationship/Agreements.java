package org.openvrm.relationship;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.HubKeys;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.AgreementRecord.State;
import org.openvrm.relationship.internal.AgreementRecordRepository;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
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

	private final AgreementRecordRepository repository;

	private final Roster roster;

	private final VendorProfiles vendors;

	private final HubKeys keys;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Agreements(AgreementRecordRepository repository, Roster roster, VendorProfiles vendors, HubKeys keys, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.roster = roster;
		this.vendors = vendors;
		this.keys = keys;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Brings the relationship's records in line with what it proffers now: new agreements
	 * are proffered (and accepted at once if the vendor accepts them from anyone),
	 * agreements no longer proffered are withdrawn, or ended if they had been accepted.
	 */
	@Transactional
	void proffer(UUID relationshipId, UUID vendorId, String customerRef, List<String> proffered) {
		List<AgreementRecord> standing = repository.standing(relationshipId);
		Instant now = clock.instant();
		for (AgreementRecord record : standing) {
			if (!proffered.contains(record.agreementId())) {
				close(record.id(), record.state() == State.ACCEPTED ? State.ENDED : State.WITHDRAWN, now);
			}
		}
		VendorProfile vendor = vendors.require(vendorId);
		List<String> declined = repository.declinedIds(relationshipId);
		for (String id : proffered) {
			// A vendor that declined is not asked again on every change of status; ending
			// the
			// relationship and starting a new one asks again.
			if (standing.stream().noneMatch(r -> r.agreementId().equals(id)) && !declined.contains(id)) {
				Agreement agreement = roster.require(id);
				UUID recordId = UUID.randomUUID();
				repository.insertProffered(recordId, relationshipId, vendorId, id, agreement.version(),
						agreement.digest(), Timestamps.utc(now));
				boolean acceptedByProfile = vendor.acceptedTerms().contains(id);
				events.publishEvent(
						new AgreementProffered(relationshipId, vendorId, customerRef, id, recordId, acceptedByProfile));
				if (acceptedByProfile) {
					decide(recordId, new Actor("profile", vendorId.toString()), true);
				}
			}
		}
	}

	/** Every standing record ends with its relationship. */
	@Transactional
	void endAll(UUID relationshipId) {
		repository.standing(relationshipId).forEach(record -> close(record.id(), State.ENDED, clock.instant()));
	}

	/**
	 * The vendor accepts (or declines) an agreement proffered to it.
	 * @throws NotFound for a reference that is not the vendor's, a blocked or ended
	 * relationship, or an agreement that is not (or no longer) proffered
	 */
	@Transactional
	public AgreementRecord decide(UUID vendorId, String customerRef, String agreementId, Actor actor, boolean accept) {
		UUID recordId = repository.findProffered(vendorId, customerRef, agreementId)
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
		for (AgreementRecord record : repository.standing(relationshipId)) {
			if (record.state() == State.PROFFERED && agreementIds.contains(record.agreementId())) {
				decide(record.id(), actor, true);
			}
		}
	}

	/**
	 * Terms vendors declined in the person's standing, unblocked relationships, newest
	 * first.
	 */
	public List<DeclinedTerms> declinedIn(UUID personId) {
		return repository.declinedIn(personId);
	}

	/**
	 * What the person sees of a relationship's agreements (the caller has checked the
	 * relationship is theirs).
	 */
	public List<AgreementRecord> ofRelationship(UUID relationshipId) {
		return repository.ofRelationship(relationshipId);
	}

	/**
	 * The vendor's agreements in relationships it can still reach; {@code state} null for
	 * all.
	 */
	public List<AgreementRecord> ofVendor(UUID vendorId, State state) {
		return repository.ofVendor(vendorId)
			.stream()
			.filter(record -> state == null || record.state() == state)
			.toList();
	}

	/**
	 * One record of the vendor's (an ended relationship's records stay provable; a
	 * blocked one's are out of reach).
	 */
	public AgreementRecord recordOfVendor(UUID vendorId, UUID recordId) {
		return repository.findOfVendor(vendorId, recordId).orElseThrow(() -> new NotFound("Agreement record"));
	}

	/** One record of the person's. */
	public AgreementRecord recordOfPerson(UUID personId, UUID recordId) {
		return repository.findOfPerson(personId, recordId).orElseThrow(() -> new NotFound("Agreement record"));
	}

	/** The accepted agreement ids of a relationship. */
	public List<String> accepted(UUID relationshipId) {
		return repository.acceptedIds(relationshipId);
	}

	/** The relationship's accepted record of that agreement, if it stands. */
	public Optional<AgreementRecord> accepted(UUID relationshipId, String agreementId) {
		return repository.findAccepted(relationshipId, agreementId);
	}

	/** Whether the record is (still) accepted. */
	public boolean stands(UUID recordId) {
		return repository.isAccepted(recordId);
	}

	/** Whether a signed record is genuine: signed by this hub's key and unchanged. */
	public Optional<HubKeys.Verified> verify(String signedRecord) {
		return keys.verify(signedRecord).filter(verified -> "agreement-record".equals(verified.claims().get("typ")));
	}

	private AgreementRecord decide(UUID recordId, Actor actor, boolean accept) {
		Instant now = clock.instant();
		AgreementRecord record = repository.get(recordId);
		String signed = accept ? keys.sign(claims(record, actor, now)) : null;
		// Only a record still proffered changes: a withdrawal, an end or another answer
		// that came first wins, and no second signed record is ever handed out.
		if (repository.markDecided(recordId, accept, Timestamps.utc(now), actor.label(), signed) == 0) {
			throw new NotFound("Proffered agreement");
		}
		UUID relationshipId = repository.relationshipOf(recordId);
		events.publishEvent(new AgreementDecided(relationshipId, record.agreementId(), accept));
		return repository.get(recordId);
	}

	private Map<String, Object> claims(AgreementRecord record, Actor actor, Instant acceptedAt) {
		UUID vendorId = repository.vendorOf(record.id());
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

	private void close(UUID recordId, State state, Instant now) {
		if (state == State.ENDED) {
			events.publishEvent(new AgreementEnded(repository.relationshipOf(recordId), recordId));
		}
		repository.close(recordId, state, Timestamps.utc(now));
	}

}
