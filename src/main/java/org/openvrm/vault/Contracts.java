package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.platform.NotFound;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vault.internal.ContractRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's contracts, sealed under their data key, and the ones whose notice deadline
 * is near.
 */
@Service
public class Contracts {

	/** How far ahead "near" looks, in days. */
	public static final int SOON = 60;

	private final ContractRepository repository;

	private final JsonMapper json;

	private final Documents documents;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Taxonomy taxonomy;

	Contracts(ContractRepository repository, JsonMapper json, Documents documents, Clock clock,
			ApplicationEventPublisher events, Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.repository = repository;
		this.json = json;
		this.documents = documents;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public Contract save(Vault vault, UUID id, Contract contract) {
		UUID contractId = id == null ? UUID.randomUUID() : id;
		if (id != null) {
			get(vault, id);
		}
		Contract checked = checked(vault, contractId, contract);
		byte[] sealed = vault.encrypt(json.writeValueAsBytes(checked), ContractRepository.binding(contractId));
		Instant now = clock.instant();
		boolean updated = repository.update(contractId, vault.owner(), sealed, now);
		if (!updated) {
			repository.insert(contractId, vault.owner(), sealed, now);
		}
		events.publishEvent(new ContractsChanged(vault, contractId, updated ? "updated" : "created"));
		return checked;
	}

	public List<Contract> list(Vault vault) {
		return repository.list(vault.owner())
			.stream()
			.map(row -> open(vault, row.id(), row.sealed()))
			.sorted(Comparator.comparing(Contract::noticeDeadline, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * Contracts whose notice deadline falls within the next {@link #SOON} days, soonest
	 * first.
	 */
	public List<Contract> nearDeadline(Vault vault) {
		LocalDate today = LocalDate.now(clock);
		return list(vault).stream().filter(c -> c.deadlineWithin(today, SOON)).toList();
	}

	public Contract get(Vault vault, UUID id) {
		return repository.find(id, vault.owner())
			.map(sealed -> open(vault, id, sealed))
			.orElseThrow(() -> new NotFound("Contract"));
	}

	@Transactional
	public void delete(Vault vault, UUID id) {
		if (!repository.delete(id, vault.owner())) {
			throw new NotFound("Contract");
		}
		events.publishEvent(new ContractsChanged(vault, id, "deleted"));
	}

	private Contract open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, ContractRepository.binding(id)), Contract.class);
	}

	private Contract checked(Vault vault, UUID id, Contract c) {
		String title = c.title() == null ? "" : c.title().strip();
		String counterparty = c.counterparty() == null ? "" : c.counterparty().strip();
		if (counterparty.isEmpty() || counterparty.length() > 200) {
			throw new InvalidInput("counterparty", "contract.counterparty.invalid");
		}
		if (title.length() > 200) {
			throw new InvalidInput("title", "contract.title.invalid");
		}
		if (c.start() != null && c.end() != null && c.end().isBefore(c.start())) {
			throw new InvalidInput("end", "contract.end.before-start");
		}
		if (c.noticeDays() != null && (c.noticeDays() < 0 || c.noticeDays() > 3650)) {
			throw new InvalidInput("noticeDays", "contract.notice.invalid");
		}
		if (c.cost() != null && c.cost().compareTo(BigDecimal.ZERO) < 0) {
			throw new InvalidInput("cost", "contract.cost.invalid");
		}
		String currency = c.currency() == null || c.currency().isBlank() ? null
				: c.currency().strip().toUpperCase(Locale.ROOT);
		if (currency != null) {
			try {
				Currency.getInstance(currency);
			}
			catch (IllegalArgumentException unknown) {
				throw new InvalidInput("currency", "contract.currency.invalid");
			}
		}
		// 12.345 is not a euro amount, but is a dinar one
		if (c.cost() != null && !MinorUnit.fits(c.cost(), currency)) {
			throw new InvalidInput("cost", "contract.cost.invalid");
		}
		List<UUID> attached = c.documents() == null ? List.of() : c.documents().stream().distinct().toList();
		try {
			attached.forEach(document -> documents.get(vault, document));
		}
		catch (NotFound missing) {
			throw new InvalidInput("documents", "contract.document.unknown");
		}
		String category = c.category() == null || c.category().isBlank() ? null
				: taxonomy.category(c.category().strip())
					.orElseThrow(() -> new InvalidInput("category", "contract.category.unknown"))
					.id();
		return new Contract(id, title.isEmpty() ? counterparty : title, counterparty, c.start(), c.end(),
				c.noticeDays(), c.autoRenewal(), c.cost(), currency, c.costPeriod(), attached, category);
	}

}
