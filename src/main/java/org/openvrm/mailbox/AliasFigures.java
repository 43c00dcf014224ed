package org.openvrm.mailbox;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What came to an address: the mail that went in, and the mail refused, per reason.
 *
 * @param received messages that went in (sealed to the person)
 * @param lastReceived when the latest of them came; null before the first
 * @param refused tries refused, per reason ({@code alias-paused}, {@code alias-closed},
 * {@code closed}, {@code rate}, {@code marketing}, {@code blocked}, {@code ended}); a
 * reason without any is left out
 */
public record AliasFigures(@Schema(example = "12") long received,
		@Schema(example = "2026-12-01T09:30:00Z") Instant lastReceived,
		@Schema(example = "{\"rate\": 3, \"marketing\": 1}") Map<String, Long> refused) {

	/** All refused tries, whatever the reason. */
	public long refusedInAll() {
		return refused.values().stream().mapToLong(Long::longValue).sum();
	}

}
