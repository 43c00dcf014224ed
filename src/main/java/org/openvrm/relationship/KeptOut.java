package org.openvrm.relationship;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.internal.RefusedContactRepository;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's "kept out" log: every contact refused at the door, who tried, when and
 * why. Only the fact is kept, nothing of what the vendor sent. It is written in a
 * transaction of its own, so that it survives the refusal's rollback.
 */
@Service
public class KeptOut {

	private static final int SHOWN = 500;

	private final RefusedContactRepository repository;

	private final VendorProfiles vendors;

	private final Clock clock;

	KeptOut(RefusedContactRepository repository, VendorProfiles vendors, Clock clock) {
		this.repository = repository;
		this.vendors = vendors;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Door door, String channel, String reason) {
		refused(door.personId(), door.vendorId(), door.relationshipId(), channel, reason);
	}

	/**
	 * A contact refused outside any relationship (an introduction through a declared
	 * interest).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(UUID personId, UUID vendorId, UUID relationshipId, String channel, String reason) {
		repository.insert(personId, vendorId, relationshipId, channel, reason, Timestamps.now(clock));
	}

	/**
	 * Mail refused at one of the hub's addresses ({@code addressId}, null when the
	 * address is unknown to the caller). Counted, not listed per attempt: one entry per
	 * address, reason and hour holds how many tries there were, so a sender hammering a
	 * closed address cannot grow the log without bound.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refusedMail(Door door, UUID addressId, String reason) {
		OffsetDateTime now = Timestamps.now(clock);
		String key = String.join("|", door.personId().toString(), String.valueOf(door.relationshipId()),
				String.valueOf(addressId), reason, now.truncatedTo(ChronoUnit.HOURS).toString());
		repository.countMail(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), door.personId(),
				door.vendorId(), door.relationshipId(), addressId, reason, now);
	}

	/**
	 * The person's refused mail at each of these addresses, per reason (all tries
	 * counted); addresses without any are left out.
	 */
	public Map<UUID, Map<String, Long>> mailRefusedAt(UUID personId, Collection<UUID> addressIds) {
		if (addressIds.isEmpty()) {
			return Map.of();
		}
		return repository.mailByAddress(personId, addressIds);
	}

	/**
	 * How many contacts of each of these vendors were refused at people's doors, in one
	 * query (vendors without any are left out). Part of a vendor's public "respect"
	 * figure.
	 */
	public Map<UUID, Long> countsFor(Collection<UUID> vendorIds) {
		if (vendorIds.isEmpty()) {
			return Map.of();
		}
		return repository.countsFor(vendorIds);
	}

	/** The person's refused contacts, newest first (the latest 500). */
	public List<RefusedContact> of(UUID personId) {
		return repository.latest(personId, SHOWN, vendors::nameOf);
	}

}
