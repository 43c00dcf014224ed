package org.openvrm.consent;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.consent.internal.GrantItems;
import org.openvrm.consent.internal.GrantRepository;
import org.openvrm.consent.internal.GrantRow;
import org.openvrm.relationship.AgreementEnded;
import org.openvrm.relationship.RelationshipEnded;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordChanged;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps grants in step with what happens elsewhere: a changed record refreshes the shares
 * it feeds; the end of an agreement or a relationship, or of a grant's time, shreds them.
 */
@Service
class GrantUpkeep {

	private final Grants grants;

	private final GrantRepository repository;

	private final ShareContents contents;

	private final Records records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GrantUpkeep(Grants grants, GrantRepository repository, ShareContents contents, Records records,
			ApplicationEventPublisher events, Clock clock) {
		this.grants = grants;
		this.repository = repository;
		this.contents = contents;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void recordChanged(RecordChanged changed) {
		Vault vault = changed.vault();
		UUID recordId = changed.record().id();
		List<GrantRow> affected = repository.unendedOfPerson(vault.owner())
			.stream()
			.filter(row -> row.items().fields().containsValue(recordId))
			.toList();
		// Decrypted once for all the grants it feeds, and not at all when it feeds none.
		List<Record> mine = affected.isEmpty() ? List.of() : records.list(vault);
		for (GrantRow row : affected) {
			GrantItems items = row.items();
			if (changed.deleted()) {
				Map<String, UUID> kept = new LinkedHashMap<>(items.fields());
				kept.values().removeIf(recordId::equals);
				items = new GrantItems(kept, items.documents());
			}
			repository.refresh(row.id(), items,
					contents.seal(row.id(), row.shareKey(), ShareContents.values(mine, items)), clock.instant());
			events.publishEvent(new GrantRefreshed(vault.owner(), row.id()));
		}
	}

	@EventListener
	void agreementEnded(AgreementEnded ended) {
		repository.unendedOfAgreement(ended.agreementRecordId()).forEach(row -> grants.end(row, GrantState.ENDED));
	}

	/**
	 * First among the fact's listeners, so that the vendor's feed tells of each grant
	 * ending before it tells that the relationship ended (the feed lists listeners at the
	 * lowest precedence).
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void relationshipEnded(RelationshipEnded ended) {
		repository.unendedOfRelationship(ended.relationshipId()).forEach(row -> grants.end(row, GrantState.ENDED));
	}

	/**
	 * Shreds grants whose end date has passed (reads check the date too, so this is only
	 * tidying up).
	 */
	@Scheduled(fixedDelayString = "${openvrm.consent.expiry-interval}",
			initialDelayString = "${openvrm.consent.expiry-interval}")
	@Transactional
	public void expire() {
		repository.pastTheirDate(clock.instant()).forEach(row -> grants.end(row, GrantState.EXPIRED));
	}

}
