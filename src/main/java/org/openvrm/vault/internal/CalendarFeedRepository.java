package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of {@code vault_calendar_feed}: each person's feed, found by its token's hash,
 * with the token sealed and the events encrypted under the token's key.
 */
@Repository
public class CalendarFeedRepository {

	private final JdbcClient jdbc;

	CalendarFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A feed's token, sealed under its owner's data key. */
	public record SealedToken(UUID id, byte[] tokenSealed) {
	}

	/** A feed's encrypted events, as its token's holder reads them. */
	public record Events(UUID id, UUID owner, byte[] events, Instant updatedAt) {
	}

	/** The cipher label of a feed's sealed token. */
	public static String tokenBinding(UUID id) {
		return "calendar-feed-token:" + id;
	}

	/** The cipher label of a feed's events. */
	public static String eventsBinding(UUID id) {
		return "calendar-feed:" + id;
	}

	public void insert(UUID id, UUID account, String tokenHash, byte[] tokenSealed, byte[] events, Instant now) {
		jdbc.sql("""
				INSERT INTO vault_calendar_feed (id, account_id, token_hash, token_sealed, events, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(id, account, tokenHash, tokenSealed, events, Timestamps.utc(now)).update();
	}

	public void delete(UUID account) {
		jdbc.sql("DELETE FROM vault_calendar_feed WHERE account_id = ?").param(account).update();
	}

	public void updateEvents(UUID id, byte[] events, Instant now) {
		jdbc.sql("UPDATE vault_calendar_feed SET events = ?, updated_at = ? WHERE id = ?")
			.params(events, Timestamps.utc(now), id)
			.update();
	}

	public Optional<Events> findByTokenHash(String tokenHash) {
		return jdbc.sql("SELECT id, account_id, events, updated_at FROM vault_calendar_feed WHERE token_hash = ?")
			.param(tokenHash)
			.query((rs, n) -> new Events(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getBytes("events"), Timestamps.instant(rs, "updated_at")))
			.optional();
	}

	/** The person's feed and its sealed token, if they have a feed. */
	public Optional<SealedToken> find(UUID account) {
		return jdbc.sql("SELECT id, token_sealed FROM vault_calendar_feed WHERE account_id = ?")
			.param(account)
			.query((rs, n) -> new SealedToken(rs.getObject("id", UUID.class), rs.getBytes("token_sealed")))
			.optional();
	}

}
