package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Documents documents;

	private final Clock clock;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final org.openvrm.taxonomy.Taxonomy taxonomy;

	Contracts(JdbcClient jdbc, JsonMapper json, Documents documents, Clock clock, AuditLog audit,
			ApplicationEventPublisher events, org.openvrm.taxonomy.Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.jdbc = jdbc;
		this.json = json;
		this.documents = documents;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Contract save(Vault vault, UUID id, Contract contract) {
		UUID contractId = id == null ? UUID.randomUUID() : id;
		if (id != null) {
			get(vault, id);
		}
		Contract checked = checked(vault, contractId, contract);
		byte[] sealed = vault.encrypt(json.writeValueAsBytes(checked), "contract:" + contractId);
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int updated = jdbc.sql("UPDATE vault_contract SET sealed = ?, updated_at = ? WHERE id = ? AND account_id = ?")
			.params(sealed, now, contractId, vault.owner())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO vault_contract (id, account_id, sealed, updated_at) VALUES (?, ?, ?, ?)")
				.params(contractId, vault.owner(), sealed, now)
				.update();
		}
		audit.record(vault.owner(), updated == 0 ? "created" : "updated", "contract:" + contractId);
		events.publishEvent(new ContractsChanged(vault));
		return checked;
	}

	public List<Contract> list(Vault vault) {
		return jdbc.sql("SELECT id, sealed FROM vault_contract WHERE account_id = ?")
			.param(vault.owner())
			.query((rs, n) -> open(vault, rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list()
			.stream()
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
		return jdbc.sql("SELECT sealed FROM vault_contract WHERE id = ? AND account_id = ?")
			.params(id, vault.owner())
			.query((rs, n) -> open(vault, id, rs.getBytes("sealed")))
			.optional()
			.orElseThrow(() -> new NotFound("Contract"));
	}

	@Transactional
	public void delete(Vault vault, UUID id) {
		if (jdbc.sql("DELETE FROM vault_contract WHERE id = ? AND account_id = ?")
			.params(id, vault.owner())
			.update() == 0) {
			throw new NotFound("Contract");
		}
		audit.record(vault.owner(), "deleted", "contract:" + id);
		events.publishEvent(new ContractsChanged(vault));
	}

	private Contract open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, "contract:" + id), Contract.class);
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
		if (c.cost() != null && !org.openvrm.platform.MinorUnit.fits(c.cost(), currency)) {
			throw new InvalidInput("cost", "contract.cost.invalid"); // 12.345 is not a
																		// euro amount,
																		// but is a dinar
																		// one
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
