package org.openvrm.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerUnitTest {

	private final ApiExceptionHandler handler = new ApiExceptionHandler(messages());

	@org.junit.jupiter.api.BeforeEach
	void english() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	@org.junit.jupiter.api.AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void refusedInputIs422NamingTheFieldInTheReadersWords() {
		ResponseEntity<ProblemDetail> response = handler
			.invalidInput(new InvalidInput("password", "password.too-short"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getBody().getDetail()).isEqualTo("At least 12 characters.");
		assertThat(response.getBody().getProperties()).containsEntry("errors",
				List.of(Map.of("field", "password", "message", "At least 12 characters.")));
	}

	@Test
	void aClashIs409() {
		assertThat(handler.invalidInput(new Conflict("email", "account.email.taken")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void notFoundIs404AndThrottledIs429WithRetryAfter() {
		assertThat(handler.notFound(new NotFound("Token")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<ProblemDetail> throttled = handler
			.tooMany(new TooManyRequests("Slow down", Duration.ofSeconds(30)));
		assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(throttled.getHeaders().getFirst("Retry-After")).isEqualTo("30");
	}

	@Test
	void aTooLargeUploadIs413() throws Exception {
		ResponseEntity<Object> response = handler.handleException(new MaxUploadSizeExceededException(25L << 20),
				new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse()));
		assertThat(response.getStatusCode().value()).isEqualTo(413);
	}

	@Test
	void anUnexpectedFailureIsA500WithoutItsMessage() {
		ResponseEntity<ProblemDetail> response = handler.unexpected(new IllegalStateException("secret internals"),
				new MockHttpServletRequest("GET", "/api/v1/me"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody().getDetail()).doesNotContain("secret internals");
	}

	@Test
	void noConnectionIs503WithRetryAfterAndAWriteWasNotSaved() {
		var noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException(
						"HikariPool-1 - Connection is not available, request timed out after 1500ms"));

		ResponseEntity<ProblemDetail> read = handler.unexpected(noConnection,
				new MockHttpServletRequest("GET", "/api/v1/me/records"));
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(read.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(read.getBody().getDetail()).doesNotContain("Hikari");

		ResponseEntity<ProblemDetail> write = handler.unexpected(
				new CannotCreateTransactionException("no", noConnection),
				new MockHttpServletRequest("POST", "/api/v1/me/records"));
		assertThat(write.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(write.getBody().getProperties()).containsEntry("saved", "no");
	}

	@Test
	void aConnectionLostDuringAWriteIs503SayingItMayHaveBeenSaved() {
		var terminated = new DataAccessResourceFailureException("JDBC commit",
				new SQLException("terminating connection due to administrator command", "57P01"));

		ResponseEntity<ProblemDetail> write = handler.unexpected(terminated,
				new MockHttpServletRequest("PUT", "/api/v1/me/records/1"));

		assertThat(write.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(write.getBody().getProperties()).containsEntry("saved", "unknown");
		assertThat(write.getBody().getDetail()).contains("Idempotency-Key");
		assertThat(handler
			.unexpected(new UncategorizedSQLException("x", "SELECT", new SQLException("I/O error", "08006")),
					new MockHttpServletRequest("GET", "/api/v1/me"))
			.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		// Hikari's own answer once it closed a connection the server had ended: no SQL
		// state.
		assertThat(handler
			.unexpected(new UncategorizedSQLException("x", "SELECT", new SQLException("Connection is closed")),
					new MockHttpServletRequest("GET", "/api/v1/me"))
			.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(handler
			.unexpected(new UncategorizedSQLException("x", "SELECT", new SQLException("syntax error", "42601")),
					new MockHttpServletRequest("GET", "/api/v1/me"))
			.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void anUnreadableUploadOrQueryIs400() {
		assertThat(
				handler.unreadable(new MultipartException("Failed to parse multipart servlet request")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<ProblemDetail> query = handler.unreadable(new InvalidParameterException("bad %G1", 400));
		assertThat(query.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(query.getBody().getDetail()).contains("percent-encoding");
	}

	@Test
	void twoWritesOfTheSameThingAtOnceIs409() {
		assertThat(handler.clash(new DuplicateKeyException("duplicate key")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("password.too-short", Locale.ENGLISH, "At least 12 characters.");
		messages.addMessage("account.email.taken", Locale.ENGLISH, "Taken.");
		return messages;
	}

}
