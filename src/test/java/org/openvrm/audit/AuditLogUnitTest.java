package org.openvrm.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogUnitTest {

	private final UUID account = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private final Instant at = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void theHashCoversEveryPartOfTheEntry() {
		String hash = AuditLog.hash(AuditLog.GENESIS, account, 1, at, "created", "record:x");

		assertThat(hash).hasSize(64).isEqualTo(AuditLog.hash(AuditLog.GENESIS, account, 1, at, "created", "record:x"));
		assertThat(AuditLog.hash(AuditLog.GENESIS, account, 2, at, "created", "record:x")).isNotEqualTo(hash);
		assertThat(AuditLog.hash(AuditLog.GENESIS, account, 1, at.plusNanos(1000), "created", "record:x"))
			.isNotEqualTo(hash);
		assertThat(AuditLog.hash(AuditLog.GENESIS, account, 1, at, "deleted", "record:x")).isNotEqualTo(hash);
		assertThat(AuditLog.hash(AuditLog.GENESIS, account, 1, at, "created", "record:y")).isNotEqualTo(hash);
		assertThat(AuditLog.hash(hash, account, 1, at, "created", "record:x")).isNotEqualTo(hash);
		assertThat(AuditLog.hash(AuditLog.GENESIS, UUID.randomUUID(), 1, at, "created", "record:x")).isNotEqualTo(hash);
	}

}
