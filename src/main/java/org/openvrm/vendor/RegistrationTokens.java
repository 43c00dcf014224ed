package org.openvrm.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.account.NewAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Secrets;
import org.openvrm.vendor.internal.RegistrationTokenRepository;
import org.openvrm.vendor.internal.RegistrationTokenRepository.Pending;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time registration tokens: how a vendor's script gets its first API client without a
 * browser session. An admin makes one (or signs the vendor up through the API, which
 * answers with one); the script exchanges it, once and within a day, for a client id and
 * secret with the token's scopes. Only a digest is kept, as for client secrets.
 */
@Service
public class RegistrationTokens {

	static final String PREFIX = "ovrt_";

	static final Duration LIFETIME = Duration.ofHours(24);

	private final RegistrationTokenRepository repository;

	private final Vendors vendors;

	private final ApiClients clients;

	private final Clock clock;

	RegistrationTokens(RegistrationTokenRepository repository, Vendors vendors, ApiClients clients, Clock clock) {
		this.repository = repository;
		this.vendors = vendors;
		this.clients = clients;
		this.clock = clock;
	}

	/**
	 * Signs the vendor and its first admin up as the sign-up page does, and gives a token
	 * for its first client, in one transaction: a vendor made through the API always has
	 * its way in.
	 */
	@Transactional
	public SignedUpVendor signUp(String organisationName, NewAccount admin) {
		Membership membership = vendors.signUp(organisationName, admin);
		return new SignedUpVendor(membership.vendor().id(), issue(membership.accountId(), List.of()));
	}

	/**
	 * A new token for the admin's vendor; with no scopes, the client it makes gets every
	 * scope.
	 * @throws InvalidInput {@code scopes} naming one that does not exist
	 */
	@Transactional
	public CreatedRegistration issue(UUID adminAccountId, List<String> scopes) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		List<String> checked = scopes == null || scopes.isEmpty() ? ApiClients.SCOPES
				: ApiClients.checkedScopes(scopes);
		String token = Secrets.newSecret(PREFIX);
		Instant now = clock.instant();
		repository.insert(vendorId, Secrets.hash(token), checked, adminAccountId, now, now.plus(LIFETIME));
		return new CreatedRegistration(token, checked, now.plus(LIFETIME));
	}

	/**
	 * Exchanges the token for a new API client named {@code name}. A token works once: a
	 * second exchange, an expired or unknown token, or one whose admin is no longer an
	 * admin, is refused.
	 * @throws InvalidInput {@code registrationToken} when it cannot be exchanged,
	 * {@code name} as for any client
	 */
	@Transactional
	public CreatedClient redeem(String token, String name) {
		String hash = Secrets.hash(token == null ? "" : token.strip());
		Instant now = clock.instant();
		Pending pending = repository.pending(hash, now)
			// Still an admin, and of the vendor the token was made for: a client is only
			// ever made for that vendor.
			.filter(found -> vendors.membershipOf(found.createdBy())
				.filter(Membership::isAdmin)
				.filter(membership -> membership.vendor().id().equals(found.vendorId()))
				.isPresent())
			.orElseThrow(() -> new InvalidInput("registrationToken", "vendor.registration.invalid"));
		// Taken before the client is made: of two exchanges at once, one alone updates
		// the row.
		if (!repository.markUsed(pending.id(), now)) {
			throw new InvalidInput("registrationToken", "vendor.registration.invalid");
		}
		CreatedClient created = clients.create(pending.createdBy(), name, pending.scopes());
		repository.recordClient(pending.id(), created.client().clientId());
		return created;
	}

}
