package org.openvrm.intent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.vault.Contract;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Service;

/**
 * Life management: a contract near its notice deadline becomes an intent for the same
 * category, prefilled with what the contract tells (its title, its cost as the budget)
 * and taking offers until the deadline, so the person can compare the market before
 * deciding to renew. Who the current counterparty is stays out of the intent.
 */
@Service
public class ContractIntents {

	private final Contracts contracts;

	private final PersonalTerms personalTerms;

	private final Intents intents;

	private final Clock clock;

	ContractIntents(Contracts contracts, PersonalTerms personalTerms, Intents intents, Clock clock) {
		this.contracts = contracts;
		this.personalTerms = personalTerms;
		this.intents = intents;
		this.clock = clock;
	}

	/**
	 * The intent the contract suggests, not yet stored. @throws
	 * org.openvrm.platform.NotFound for another person's contract
	 */
	public IntentDraft draft(Vault vault, UUID contractId) {
		Contract contract = contracts.get(vault, contractId);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate deadline = contract.noticeDeadline();
		LocalDate expiresOn = deadline != null && deadline.isAfter(today) && deadline.isBefore(today.plusDays(365))
				? deadline : today.plusDays(14);
		return new IntentDraft(contract.title(), contract.category(), null, List.of(), null, null, null, null, null,
				contract.cost(), contract.cost() == null ? null : contract.currency(), List.of(), null, expiresOn,
				personalTerms.of(vault.owner()).agreements(), List.of("email.address"), false);
	}

	/**
	 * Stores that draft, for the person to check and publish.
	 * @throws InvalidInput {@code category} when the contract names none
	 */
	public Intent createDraft(Vault vault, UUID contractId) {
		IntentDraft draft = draft(vault, contractId);
		if (draft.category() == null) {
			throw new InvalidInput("category", "intent.contract.no-category");
		}
		return intents.create(vault.owner(), draft, false, "contract:" + contractId);
	}

	/** Where an intent came from, for the form to say so. */
	public String contractTitle(Vault vault, UUID contractId) {
		return contracts.get(vault, contractId).title();
	}

}
