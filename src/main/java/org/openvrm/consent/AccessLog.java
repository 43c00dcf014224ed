package org.openvrm.consent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openvrm.consent.internal.AccessRepository;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.stereotype.Service;

/**
 * The person's access log: every read by a vendor of what they shared, which vendor, who,
 * what, when.
 */
@Service
public class AccessLog {

	private static final int SHOWN = 1000;

	private final AccessRepository repository;

	private final VendorProfiles vendors;

	private final Clock clock;

	AccessLog(AccessRepository repository, VendorProfiles vendors, Clock clock) {
		this.repository = repository;
		this.vendors = vendors;
		this.clock = clock;
	}

	void record(UUID personId, UUID grantId, VendorActor actor, List<String> items) {
		repository.insert(personId, actor.vendorId(), grantId, actor.type() + ":" + actor.id(), items, clock.instant());
	}

	/**
	 * The person's log, newest first (the latest 1000); {@code grantId} null for every
	 * grant.
	 */
	public List<Access> of(UUID personId, UUID grantId) {
		return repository.ofPerson(personId, grantId, SHOWN)
			.stream()
			.map(row -> new Access(row.id(), row.at(), row.vendorId(), vendors.nameOf(row.vendorId()), row.grantId(),
					row.actor(), row.items()))
			.toList();
	}

}
