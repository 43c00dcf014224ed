package org.openvrm.mailbox;

import java.time.Clock;
import java.util.UUID;

import org.openvrm.mailbox.internal.ContactRulesRepository;
import org.openvrm.platform.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's rules of contact: how often each vendor may write, whether marketing is
 * welcome, the digest.
 */
@Service
public class ContactTerms {

	private final ContactRulesRepository rules;

	private final Clock clock;

	ContactTerms(ContactRulesRepository rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	public ContactRules of(UUID person) {
		return rules.find(person).orElse(ContactRules.DEFAULTS);
	}

	/**
	 * @throws InvalidInput {@code perMonth} outside 0–100
	 */
	@Transactional
	public ContactRules set(UUID person, ContactRules given) {
		checkedLimit(given.perMonth(), "perMonth");
		rules.save(person, given, clock.instant());
		return given;
	}

	static int checkedLimit(Integer perMonth, String field) {
		if (perMonth == null || perMonth < 0 || perMonth > ContactRules.MAX_PER_MONTH) {
			throw new InvalidInput(field, "mailbox.limit.invalid");
		}
		return perMonth;
	}

}
