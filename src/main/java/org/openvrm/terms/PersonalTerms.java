package org.openvrm.terms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.terms.internal.PersonalTermsRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terms each person proffers by default. Until the person chooses, the hub proffers
 * the strictest useful set: service delivery only, no AI training, no tracking.
 */
@Service
public class PersonalTerms {

	public static final List<String> DEFAULTS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	private final PersonalTermsRepository repository;

	private final Roster roster;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PersonalTerms(PersonalTermsRepository repository, Roster roster, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.roster = roster;
		this.clock = clock;
	}

	public ProfferedTerms of(UUID person) {
		return repository.find(person).orElse(new ProfferedTerms(DEFAULTS, false, null));
	}

	/**
	 * @throws InvalidInput {@code agreements}: none chosen, an id not on the roster, or
	 * an agreement chosen together with one that already contains it
	 */
	@Transactional
	public ProfferedTerms choose(UUID person, List<String> agreements) {
		List<String> checked = checked(agreements, "agreements");
		Instant now = clock.instant();
		repository.save(person, checked, now);
		events.publishEvent(new DefaultTermsChanged(person));
		return new ProfferedTerms(checked, true, now);
	}

	/**
	 * A valid set of agreements to proffer: at least one, all on the roster, none
	 * contained in another.
	 */
	public List<String> checked(List<String> agreements, String field) {
		List<String> checked = roster.checked(agreements, field);
		if (checked.isEmpty()) {
			throw new InvalidInput(field, "terms.none");
		}
		for (String id : checked) {
			String contained = roster.require(id).extendsId();
			if (contained != null && checked.contains(contained)) {
				throw new InvalidInput(field, "terms.contained");
			}
		}
		return checked;
	}

}
