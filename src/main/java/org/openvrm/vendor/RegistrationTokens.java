package org.openvrm.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.openvrm.account.NewAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Vendors vendors;

	private final ApiClients clients;

	private final Clock clock;

	RegistrationTokens(JdbcClient jdbc, Vendors vendors, ApiClients clients, Clock clock) {
		this.jdbc = jdbc;
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
		jdbc.sql(
				"""
						INSERT INTO vendor_registration_token (id, vendor_id, token_hash, scopes, created_by, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						""")
			.params(UUID.randomUUID(), vendorId, Secrets.hash(token), String.join(" ", checked), adminAccountId,
					utc(now), utc(now.plus(LIFETIME)))
			.update();
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
		record Pending(UUID id, UUID vendorId, UUID createdBy, List<String> scopes) {
		}
		Pending pending = jdbc.sql("""
				SELECT id, vendor_id, created_by, scopes FROM vendor_registration_token
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
				""")
			.params(hash, utc(now))
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
					rs.getObject("created_by", UUID.class), Arrays.asList(rs.getString("scopes").split(" "))))
			.optional()
			// Still an admin, and of the vendor the token was made for: a client is only
			// ever made for that vendor.
			.filter(found -> vendors.membershipOf(found.createdBy())
				.filter(Membership::isAdmin)
				.filter(membership -> membership.vendor().id().equals(found.vendorId()))
				.isPresent())
			.orElseThrow(() -> new InvalidInput("registrationToken", "vendor.registration.invalid"));
		// Taken before the client is made: of two exchanges at once, one alone updates
		// the row.
		int taken = jdbc.sql("UPDATE vendor_registration_token SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(utc(now), pending.id())
			.update();
		if (taken == 0) {
			throw new InvalidInput("registrationToken", "vendor.registration.invalid");
		}
		CreatedClient created = clients.create(pending.createdBy(), name, pending.scopes());
		jdbc.sql("UPDATE vendor_registration_token SET client_id = ? WHERE id = ?")
			.params(created.client().clientId(), pending.id())
			.update();
		return created;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
