package org.openvrm.vendor;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;
import org.openvrm.vendor.internal.ApiClientRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' API clients for OAuth 2.0 client credentials: a vendor admin creates one with
 * scopes, sees its secret once, can rotate the secret and revoke the client.
 */
@Service
public class ApiClients {

	/** Every scope a client can be given, and what it opens. */
	public static final List<String> SCOPES = List.of("relationships:read", "agreements:write", "profile:write",
			"webhooks:write", "intents:read", "offers:write", "data:read", "data-requests:write", "documents:write",
			"messages:write", "events:read", "ratings:write");

	static final String CLIENT_PREFIX = "ovc_";

	static final String SECRET_PREFIX = "ovcs_";

	/** What the authorization server needs to authenticate a client. */
	public record Registration(String clientId, UUID vendorId, String name, String secretHash, Set<String> scopes) {
	}

	private final ApiClientRepository repository;

	private final Vendors vendors;

	private final Clock clock;

	ApiClients(ApiClientRepository repository, Vendors vendors, Clock clock) {
		this.repository = repository;
		this.vendors = vendors;
		this.clock = clock;
	}

	/**
	 * @throws InvalidInput {@code name} (1 to 100 characters) or {@code scopes} (at least
	 * one, each known)
	 */
	@Transactional
	public CreatedClient create(UUID adminAccountId, String name, List<String> scopes) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		String checkedName = name == null ? "" : name.strip();
		if (checkedName.isEmpty() || checkedName.length() > 100) {
			throw new InvalidInput("name", "client.name.invalid");
		}
		List<String> checkedScopes = checkedScopes(scopes);
		String clientId = Secrets.newSecret(CLIENT_PREFIX).substring(0, 30);
		String secret = Secrets.newSecret(SECRET_PREFIX);
		repository.insert(clientId, vendorId, checkedName, digest(secret), checkedScopes, adminAccountId,
				clock.instant());
		return new CreatedClient(repository.require(vendorId, clientId), secret);
	}

	/**
	 * A new secret; the old one stops working at once (tokens already issued live out
	 * their few minutes).
	 */
	@Transactional
	public CreatedClient rotate(UUID adminAccountId, String clientId) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		String secret = Secrets.newSecret(SECRET_PREFIX);
		if (!repository.rotate(vendorId, clientId, digest(secret), clock.instant())) {
			throw new NotFound("API client");
		}
		return new CreatedClient(repository.require(vendorId, clientId), secret);
	}

	/** The client gets no new token, and the tokens it has stop working at once. */
	@Transactional
	public void revoke(UUID adminAccountId, String clientId) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		if (!repository.revoke(vendorId, clientId, clock.instant())) {
			throw new NotFound("API client");
		}
	}

	public List<ApiClient> list(UUID memberAccountId) {
		UUID vendorId = vendors.requireMembership(memberAccountId).vendor().id();
		return repository.ofVendor(vendorId);
	}

	/** A client that may still get tokens and use them; empty once revoked. */
	public Optional<Registration> active(String clientId) {
		return repository.active(clientId == null ? "" : clientId);
	}

	/**
	 * A fast digest is right for 256 random bits (the token endpoint must not become a
	 * CPU sink); see SecurityConfiguration.
	 */
	private static String digest(String secret) {
		return "{sha256}" + Secrets.hash(secret);
	}

	/**
	 * The scopes, each known, each once; at least one. @throws InvalidInput
	 * {@code scopes}
	 */
	static List<String> checkedScopes(List<String> scopes) {
		List<String> checked = scopes == null ? List.of()
				: scopes.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
		if (checked.isEmpty() || !SCOPES.containsAll(checked)) {
			throw new InvalidInput("scopes", "client.scopes.invalid");
		}
		return checked;
	}

}
