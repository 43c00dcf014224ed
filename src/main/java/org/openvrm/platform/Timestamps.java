package org.openvrm.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the tables keep them: {@code TIMESTAMP WITH TIME ZONE} columns, written and
 * read in UTC, so that H2 and PostgreSQL give back the same instant whatever the server's
 * zone (the two drivers map {@code Instant} differently; {@code OffsetDateTime} they read
 * alike).
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** The column's instant, or {@code null} for SQL NULL. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The value to bind for an instant column; {@code null} stays {@code null}. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** The clock's present moment, ready to bind. */
	public static OffsetDateTime now(Clock clock) {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
