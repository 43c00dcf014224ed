package org.openvrm.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openvrm.account.internal.AccountRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and finding accounts. Other modules (vendor sign-up, invitations) register
 * through here.
 */
@Service
public class Accounts {

	// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is
	// proven by use.
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private final AccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	private final List<PasswordKeyed> passwordKeyed;

	Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, Clock clock,
			List<PasswordKeyed> passwordKeyed) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
		this.passwordKeyed = passwordKeyed;
	}

	/**
	 * Checks every field, then creates the account.
	 * @throws InvalidInput naming the first field to fix
	 * @throws Conflict when the e-mail address is already registered
	 */
	@Transactional
	public Account register(NewAccount request) {
		String email = normalisedEmail(request.email());
		String displayName = request.displayName() == null ? "" : request.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 100) {
			throw new InvalidInput("displayName", "account.display-name.invalid");
		}
		passwordPolicy.check(request.password(), email, displayName).ifPresent(problem -> {
			throw new InvalidInput("password", problem.messageKey());
		});
		if (repository.emailExists(email)) {
			throw new Conflict("email", "account.email.taken");
		}
		Locale locale = request.locale() == null ? Locale.ENGLISH : request.locale();
		Account account = new Account(UUID.randomUUID(), email, displayName, request.kind(), locale, clock.instant());
		repository.insert(account, passwordEncoder.encode(request.password()));
		if (account.kind() == AccountKind.PERSON) {
			passwordKeyed.forEach(keyed -> keyed.personCreated(account.id(), request.password()));
		}
		return account;
	}

	/**
	 * Checks only the e-mail, for forms that need to report it before creating anything
	 * else.
	 */
	public String normalisedEmail(String email) {
		String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (normalised.length() > 320 || !EMAIL.matcher(normalised).matches()) {
			throw new InvalidInput("email", "account.email.invalid");
		}
		return normalised;
	}

	/**
	 * Changes the password after checking the current one; modules keyed by the password
	 * re-key in the same transaction, so a failure leaves both the old password and the
	 * old keys in place.
	 */
	@Transactional
	public void changePassword(SignedInAccount account, String currentPassword, String newPassword) {
		String hash = repository.findSignInById(account.id()).map(SignedInAccount::getPassword).orElseThrow();
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
			throw new InvalidInput("currentPassword", "password.current.wrong");
		}
		setPassword(account.id(), account.email(), account.displayName(), newPassword);
		if (account.is(AccountKind.PERSON)) {
			passwordKeyed.forEach(keyed -> keyed.passwordChanged(account.id(), currentPassword, newPassword));
		}
	}

	/**
	 * Sets a new password without the old one: only for a caller that proved the person
	 * some other way (the vault's recovery code), in its own transaction.
	 */
	@Transactional
	public void resetPassword(UUID accountId, String newPassword) {
		SignedInAccount account = repository.findSignInById(accountId).orElseThrow();
		setPassword(accountId, account.email(), account.displayName(), newPassword);
	}

	private void setPassword(UUID id, String email, String displayName, String newPassword) {
		passwordPolicy.check(newPassword, email, displayName).ifPresent(problem -> {
			throw new InvalidInput("newPassword", problem.messageKey());
		});
		repository.updatePasswordHash(id, passwordEncoder.encode(newPassword));
	}

	public Optional<Account> findByEmail(String email) {
		String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		return repository.findSignInByEmail(normalised).flatMap(account -> repository.findById(account.id()));
	}

	public Optional<Account> findById(UUID id) {
		return repository.findById(id);
	}

	public long count(AccountKind kind) {
		return repository.count(kind);
	}

}
