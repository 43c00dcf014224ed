package org.openvrm.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openvrm.policy.internal.ContractWatchRepository;
import org.openvrm.policy.internal.ContractWatchRepository.Watched;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.ContractsChanged;
import org.openvrm.vault.Vault;
import org.openvrm.vault.VaultOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The working set of the "ask the market" policy: contracts are sealed in the vault, so
 * while that policy is on, each contract's notice deadline and category (never its title,
 * counterparty or cost) are kept beside it, refreshed whenever the vault is open, and
 * dropped with the policy.
 */
@Component
public class ContractWatch {

	private static final Logger log = LoggerFactory.getLogger(ContractWatch.class);

	private final ContractWatchRepository watch;

	private final Contracts contracts;

	private final Policies policies;

	private final Clock clock;

	ContractWatch(ContractWatchRepository watch, Contracts contracts, Policies policies, Clock clock) {
		this.watch = watch;
		this.contracts = contracts;
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * Brings the watch in line with the vault (or empties it when no such policy is on).
	 */
	public void refresh(Vault vault) {
		UUID person = vault.owner();
		if (policies.active(person, PolicyKind.ASK_MARKET).isEmpty()) {
			drop(person);
			return;
		}
		List<Watched> mine = contracts.list(vault)
			.stream()
			.filter(c -> c.noticeDeadline() != null && c.category() != null)
			.map(c -> new Watched(c.id(), c.noticeDeadline(), c.category()))
			.toList();
		watch.replace(person, mine);
	}

	void drop(UUID person) {
		watch.delete(person);
	}

	/** Contracts whose notice deadline is within {@code days}, not yet past. */
	List<Watched> due(UUID person, int days) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return watch.due(person, today, today.plusDays(days));
	}

	/** How many contracts are watched, for the settings page to say what it keeps. */
	public long count(UUID person) {
		return watch.count(person);
	}

	@EventListener
	void opened(VaultOpened opened) {
		try {
			refresh(opened.vault());
		}
		catch (RuntimeException unreadable) {
			// never in the way of a sign-in: the watch is refreshed at the next change
			log.warn("The contract watch of {} could not be refreshed ({})", opened.vault().owner(),
					unreadable.getClass().getName());
		}
	}

	@EventListener
	void changed(ContractsChanged changed) {
		refresh(changed.vault());
	}

	@EventListener
	void policiesChanged(PoliciesChanged changed) {
		if (policies.active(changed.personId(), PolicyKind.ASK_MARKET).isEmpty()) {
			drop(changed.personId());
		}
	}

}
