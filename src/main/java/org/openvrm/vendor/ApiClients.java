package org.openvrm.vendor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Vendors vendors;

	private final Clock clock;

	ApiClients(JdbcClient jdbc, Vendors vendors, Clock clock) {
		this.jdbc = jdbc;
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
		jdbc.sql("""
				INSERT INTO vendor_api_client (client_id, vendor_id, name, secret_hash, scopes, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(clientId, vendorId, checkedName, digest(secret), String.join(" ", checkedScopes), adminAccountId,
					utc(clock.instant()))
			.update();
		return new CreatedClient(require(vendorId, clientId), secret);
	}

	/**
	 * A new secret; the old one stops working at once (tokens already issued live out
	 * their few minutes).
	 */
	@Transactional
	public CreatedClient rotate(UUID adminAccountId, String clientId) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		String secret = Secrets.newSecret(SECRET_PREFIX);
		int updated = jdbc.sql("""
				UPDATE vendor_api_client SET secret_hash = ?, rotated_at = ?
				WHERE client_id = ? AND vendor_id = ? AND revoked_at IS NULL
				""").params(digest(secret), utc(clock.instant()), clientId, vendorId).update();
		if (updated == 0) {
			throw new NotFound("API client");
		}
		return new CreatedClient(require(vendorId, clientId), secret);
	}

	/** The client gets no new token, and the tokens it has stop working at once. */
	@Transactional
	public void revoke(UUID adminAccountId, String clientId) {
		UUID vendorId = vendors.requireAdmin(adminAccountId).vendor().id();
		int updated = jdbc.sql("""
				UPDATE vendor_api_client SET revoked_at = ? WHERE client_id = ? AND vendor_id = ? AND revoked_at IS NULL
				""").params(utc(clock.instant()), clientId, vendorId).update();
		if (updated == 0) {
			throw new NotFound("API client");
		}
	}

	public List<ApiClient> list(UUID memberAccountId) {
		UUID vendorId = vendors.requireMembership(memberAccountId).vendor().id();
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE vendor_id = ? ORDER BY created_at DESC")
			.param(vendorId)
			.query(ApiClients::client)
			.list();
	}

	/** A client that may still get tokens and use them; empty once revoked. */
	public Optional<Registration> active(String clientId) {
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE client_id = ? AND revoked_at IS NULL")
			.param(clientId == null ? "" : clientId)
			.query((rs, n) -> new Registration(rs.getString("client_id"), rs.getObject("vendor_id", UUID.class),
					rs.getString("name"), rs.getString("secret_hash"),
					Set.copyOf(Arrays.asList(rs.getString("scopes").split(" ")))))
			.optional();
	}

	private ApiClient require(UUID vendorId, String clientId) {
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE client_id = ? AND vendor_id = ?")
			.params(clientId, vendorId)
			.query(ApiClients::client)
			.single();
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
				: scopes.stream().filter(java.util.Objects::nonNull).map(String::strip).distinct().toList();
		if (checked.isEmpty() || !SCOPES.containsAll(checked)) {
			throw new InvalidInput("scopes", "client.scopes.invalid");
		}
		return checked;
	}

	private static ApiClient client(ResultSet rs, int n) throws SQLException {
		return new ApiClient(rs.getString("client_id"), rs.getString("name"),
				Arrays.asList(rs.getString("scopes").split(" ")), instant(rs, "created_at"), instant(rs, "rotated_at"),
				instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
