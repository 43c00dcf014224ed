package org.openvrm.policy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The working set of the "ask the market" policy ({@code policy_contract_watch}): each
 * contract's notice deadline and category, nothing else.
 */
@Repository
public class ContractWatchRepository {

	/** A contract as the watch keeps it. */
	public record Watched(UUID contractId, LocalDate noticeDeadline, String category) {
	}

	private final JdbcClient jdbc;

	ContractWatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the person's watch with these contracts. */
	public void replace(UUID person, List<Watched> contracts) {
		delete(person);
		for (Watched contract : contracts) {
			jdbc.sql(
					"""
							INSERT INTO policy_contract_watch (person_id, contract_id, notice_deadline, category) VALUES (?, ?, ?, ?)
							""")
				.params(person, contract.contractId(), contract.noticeDeadline(), contract.category())
				.update();
		}
	}

	public void delete(UUID person) {
		jdbc.sql("DELETE FROM policy_contract_watch WHERE person_id = ?").param(person).update();
	}

	/** Contracts whose notice deadline is between the two days, both included. */
	public List<Watched> due(UUID person, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT contract_id, notice_deadline, category FROM policy_contract_watch
				WHERE person_id = ? AND notice_deadline >= ? AND notice_deadline <= ? ORDER BY notice_deadline
				""")
			.params(person, from, until)
			.query((rs, n) -> new Watched(rs.getObject("contract_id", UUID.class),
					rs.getObject("notice_deadline", LocalDate.class), rs.getString("category")))
			.list();
	}

	public long count(UUID person) {
		return jdbc.sql("SELECT count(*) FROM policy_contract_watch WHERE person_id = ?")
			.param(person)
			.query(Long.class)
			.single();
	}

}
