package org.openvrm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For a test context that needs a database of its own (its scheduled jobs must not touch
 * other contexts' rows): a schema in the same database, named in the test's properties
 * ({@code spring.flyway.default-schema}, {@code spring.flyway.schemas},
 * {@code spring.datasource.hikari.schema}). The pool connects to the schema before Flyway
 * makes it; PostgreSQL accepts that, H2 does not, so on H2 it is made first (in the
 * in-memory database of src/test/resources/config).
 */
public final class OwnSchema {

	private OwnSchema() {
	}

	public static void prepare(String schema) {
		if (String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres")) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:mem:openvrm-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", ""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
