package org.openvrm.policy.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.utc;

/** Items the person put aside on their list of decisions ({@code decision_dismissal}). */
@Repository
public class DismissalRepository {

	private final JdbcClient jdbc;

	DismissalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID person, String item, Instant at) {
		jdbc.sql("INSERT INTO decision_dismissal (person_id, item, at) VALUES (?, ?, ?)")
			.params(person, item, utc(at))
			.update();
	}

	public Set<String> items(UUID person) {
		return Set.copyOf(jdbc.sql("SELECT item FROM decision_dismissal WHERE person_id = ?")
			.param(person)
			.query(String.class)
			.list());
	}

}
