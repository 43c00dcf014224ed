package org.openvrm.intent.internal;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.Subscription;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where vendors' subscriptions are kept, with a change row for every change (what the
 * matching index of every node catches up from).
 */
@Repository
public class SubscriptionRepository {

	/** A subscription as the matching index takes it. */
	public record Stored(UUID id, UUID vendorId, long version, Set<String> acceptedTerms,
			SubscriptionExpression expression) {
	}

	/**
	 * One change row.
	 *
	 * @param version the subscription's version then, -1 once deleted
	 */
	public record Change(long seq, UUID subscriptionId, long version) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SubscriptionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long countOf(UUID vendorId) {
		return jdbc.sql("SELECT COUNT(*) FROM intent_subscription WHERE vendor_id = ?")
			.param(vendorId)
			.query(Long.class)
			.single();
	}

	public void insert(UUID id, UUID vendorId, String name, SubscriptionExpression expression,
			List<String> acceptedTerms, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO intent_subscription (id, vendor_id, name, expression, accepted_terms, version, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, 1, ?, ?)
						""")
			.params(id, vendorId, name, json.writeValueAsString(expression), String.join(",", acceptedTerms), utc(now),
					utc(now))
			.update();
	}

	public void update(UUID id, UUID vendorId, String name, SubscriptionExpression expression,
			List<String> acceptedTerms, Instant now) {
		jdbc.sql(
				"""
						UPDATE intent_subscription SET name = ?, expression = ?, accepted_terms = ?, version = version + 1, updated_at = ?
						WHERE id = ? AND vendor_id = ?
						""")
			.params(name, json.writeValueAsString(expression), String.join(",", acceptedTerms), utc(now), id, vendorId)
			.update();
	}

	public long version(UUID id) {
		return jdbc.sql("SELECT version FROM intent_subscription WHERE id = ?").param(id).query(Long.class).single();
	}

	/** Whether there was one to delete. */
	public boolean delete(UUID id, UUID vendorId) {
		return jdbc.sql("DELETE FROM intent_subscription WHERE id = ? AND vendor_id = ?")
			.params(id, vendorId)
			.update() > 0;
	}

	/**
	 * @param version the subscription's version now, -1 once deleted
	 */
	public void insertChange(UUID id, long version, Instant at) {
		jdbc.sql("INSERT INTO intent_subscription_change (subscription_id, version, changed_at) VALUES (?, ?, ?)")
			.params(id, version, utc(at))
			.update();
	}

	public List<Subscription> ofVendor(UUID vendorId) {
		return jdbc.sql("SELECT * FROM intent_subscription WHERE vendor_id = ? ORDER BY created_at")
			.param(vendorId)
			.query(this::subscription)
			.list();
	}

	public Optional<Subscription> find(UUID vendorId, UUID id) {
		return jdbc.sql("SELECT * FROM intent_subscription WHERE id = ? AND vendor_id = ?")
			.params(id, vendorId)
			.query(this::subscription)
			.optional();
	}

	/** Every subscription, for the matching index. */
	public List<Stored> all() {
		return jdbc.sql("SELECT * FROM intent_subscription").query(this::indexed).list();
	}

	public Optional<Stored> stored(UUID id) {
		return jdbc.sql("SELECT * FROM intent_subscription WHERE id = ?").param(id).query(this::indexed).optional();
	}

	/** The last change's sequence number, 0 for none. */
	public long lastChange() {
		return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM intent_subscription_change").query(Long.class).single();
	}

	/** The changes after the sequence number or made since the instant, in order. */
	public List<Change> changes(long afterSeq, Instant since) {
		return jdbc
			.sql("""
					SELECT seq, subscription_id, version FROM intent_subscription_change WHERE seq > ? OR changed_at >= ? ORDER BY seq
					""")
			.params(afterSeq, utc(since))
			.query((rs, n) -> new Change(rs.getLong("seq"), rs.getObject("subscription_id", UUID.class),
					rs.getLong("version")))
			.list();
	}

	private Stored indexed(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class), rs.getLong("version"),
				Set.of(rs.getString("accepted_terms").split(",")),
				json.readValue(rs.getString("expression"), SubscriptionExpression.class));
	}

	private Subscription subscription(ResultSet rs, int n) throws SQLException {
		SubscriptionExpression e = json.readValue(rs.getString("expression"), SubscriptionExpression.class);
		return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"), e.categories(), e.regions(),
				e.minimumBudget(), e.currency(), e.servesFrom(), e.servesUntil(), e.conditions(),
				List.of(rs.getString("accepted_terms").split(",")), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

}
