package org.openvrm.mailbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.PassedOnFlag;
import org.openvrm.mailbox.VendorDomain;
import org.openvrm.mailbox.VendorDomain.Source;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * The tables {@code mail_vendor_domain} (the domain mail for a relationship is expected
 * from, when no vendor profile says) and {@code mail_alias_leak} (the other domains mail
 * to an address came from).
 */
@Repository
public class PassedOnRepository {

	private final JdbcClient jdbc;

	PassedOnRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<VendorDomain> vendorDomain(UUID relationshipId) {
		return jdbc.sql("SELECT domain, source, set_at FROM mail_vendor_domain WHERE relationship_id = ?")
			.param(relationshipId)
			.query((rs, n) -> new VendorDomain(rs.getString("domain"), Source.valueOf(rs.getString("source")),
					instant(rs, "set_at")))
			.optional();
	}

	/**
	 * Records the domain unless one is recorded already; whether it was recorded (two
	 * first messages at once: one wins).
	 */
	public boolean expectIfNone(UUID relationshipId, String domain, Source source, Instant at) {
		return jdbc.sql("""
				INSERT INTO mail_vendor_domain (relationship_id, domain, source, set_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""").params(relationshipId, domain, source.name(), utc(at)).update() > 0;
	}

	/** Sets the domain, or forgets it when null (the next sender's is taken again). */
	public void expect(UUID relationshipId, String domain, Source source, Instant at) {
		jdbc.sql("DELETE FROM mail_vendor_domain WHERE relationship_id = ?").param(relationshipId).update();
		if (domain != null) {
			expectIfNone(relationshipId, domain, source, at);
		}
	}

	/**
	 * Counts one more message from the domain to the address; whether the domain is new
	 * for it.
	 */
	public boolean count(UUID aliasId, String domain, Instant at) {
		boolean fresh = jdbc.sql("""
				INSERT INTO mail_alias_leak (alias_id, domain, first_seen, last_seen, messages) VALUES (?, ?, ?, ?, 0)
				ON CONFLICT DO NOTHING
				""").params(aliasId, domain, utc(at), utc(at)).update() > 0;
		jdbc.sql("UPDATE mail_alias_leak SET messages = messages + 1, last_seen = ? WHERE alias_id = ? AND domain = ?")
			.params(utc(at), aliasId, domain)
			.update();
		return fresh;
	}

	/** The other domains mail to these addresses came from, the first seen first. */
	public List<Leak> leaks(List<UUID> aliasIds) {
		if (aliasIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM mail_alias_leak WHERE alias_id IN (:ids) ORDER BY first_seen, domain")
			.param("ids", aliasIds)
			.query((rs, n) -> new Leak(rs.getObject("alias_id", UUID.class),
					new PassedOnFlag(rs.getString("domain"), rs.getLong("messages"), instant(rs, "first_seen"),
							instant(rs, "last_seen"))))
			.list();
	}

	/** A flag and the address it is on. */
	public record Leak(UUID aliasId, PassedOnFlag flag) {
	}

}
