package org.openvrm.platform.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure that means the hub's database could not be reached or was lost while a
 * request ran (an outage, a restart, a connection cut): answered with 503 and
 * {@code Retry-After}, never 500. Whether a write may have landed decides what the answer
 * promises.
 */
enum DatabaseFailure {

	/** No connection could be had: the request was not carried out. */
	UNREACHABLE,

	/** A connection was lost while the request ran, possibly during its commit. */
	LOST;

	/** How long a client should wait before trying again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	static Optional<DatabaseFailure> of(Throwable failure) {
		DatabaseFailure found = null;
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (isUnreachable(cause)) {
				return Optional.of(UNREACHABLE);
			}
			if (found == null && isLost(cause)) {
				found = LOST;
			}
		}
		return Optional.ofNullable(found);
	}

	private static boolean isUnreachable(Throwable cause) {
		return cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
				|| cause instanceof SQLTransientConnectionException;
	}

	private static boolean isLost(Throwable cause) {
		if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
				|| cause instanceof TransactionSystemException || cause instanceof SQLNonTransientConnectionException
				|| cause instanceof SQLRecoverableException) {
			return true;
		}
		if (!(cause instanceof SQLException sql)) {
			return false;
		}
		// 08: connection exception; 57P: the server shut down or ended the session
		// (PostgreSQL).
		// Hikari's answer for a connection it closed under the request, once the server
		// had ended it,
		// carries no state.
		String state = sql.getSQLState();
		return state != null ? state.startsWith("08") || state.startsWith("57P")
				: "Connection is closed".equals(sql.getMessage());
	}

	/**
	 * The answer's problem body. A write that met a lost connection, or that had already
	 * committed part of its work, may have been saved: the body says so, and that a retry
	 * with the same {@code Idempotency-Key} is safe.
	 */
	ProblemDetail problem(boolean write, boolean committedBefore) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setType(URI.create("about:blank"));
		problem.setTitle("Service Unavailable");
		if (!write) {
			problem.setDetail("The hub cannot reach its database at the moment. Try again in a few seconds.");
		}
		else if (this == UNREACHABLE && !committedBefore) {
			problem.setDetail(
					"The hub cannot reach its database at the moment, so nothing was saved. Try again in a few seconds.");
			problem.setProperty("saved", "no");
		}
		else {
			problem.setDetail("The hub lost its database while saving: your change may or may not have been saved. "
					+ "Retry with the same Idempotency-Key to get the first answer if it was saved, or read the object back.");
			problem.setProperty("saved", "unknown");
		}
		return problem;
	}

}
