package org.openvrm.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Locked;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Unavailable;
import org.openvrm.platform.Withheld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every error of the JSON API as an RFC 9457 problem. Field problems carry an
 * {@code errors} list naming each field and what to fix. Unexpected failures are logged
 * here and answered with a plain 500: no stack trace or exception text ever reaches the
 * client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final String UNREADABLE_UPLOAD = "The upload cannot be read: send multipart/form-data with a boundary and a complete body.";

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
		HttpStatus status = ex instanceof Conflict ? HttpStatus.CONFLICT
				: ex instanceof TooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
		String message = text(ex.messageKey());
		ProblemDetail problem = problem(status, message);
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		return answer(status).body(problem);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return answer(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(Locked.class)
	ResponseEntity<ProblemDetail> locked(Locked ex) {
		return answer(HttpStatus.LOCKED).body(problem(HttpStatus.LOCKED, ex.getMessage()));
	}

	@ExceptionHandler(Withheld.class)
	ResponseEntity<ProblemDetail> withheld(Withheld ex) {
		HttpStatus status = ex.gone() ? HttpStatus.GONE : HttpStatus.FORBIDDEN;
		return answer(status).body(problem(status, text(ex.messageKey())));
	}

	@ExceptionHandler(TooManyRequests.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequests ex) {
		return answer(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
	}

	@ExceptionHandler(Unavailable.class)
	ResponseEntity<ProblemDetail> unavailable(Unavailable ex) {
		return answer(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, text(ex.messageKey())));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' is not a valid value");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "is not a valid value")));
		return answer(HttpStatus.BAD_REQUEST).body(problem);
	}

	/**
	 * Left to Spring Security, which answers them with the API's own 401/403 problems.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void securityDecision(RuntimeException ex) {
		throw ex;
	}

	/**
	 * Two requests wrote the same thing at once and the database kept one: the other may
	 * try again.
	 */
	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	ResponseEntity<ProblemDetail> clash(RuntimeException ex) {
		log.info("A request clashed with another at the same time: {}", ex.getClass().getSimpleName());
		return answer(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT,
				"Another change to the same object arrived at the same time and this one could not be made. Read the object and try again."));
	}

	@ExceptionHandler({ MultipartException.class, InvalidParameterException.class })
	ResponseEntity<ProblemDetail> unreadable(RuntimeException ex) {
		HttpStatus status = UnreadableRequest.statusOf(ex).orElse(HttpStatus.BAD_REQUEST);
		return answer(status).body(problem(status, UnreadableRequest.detail(status, ex)));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		Optional<DatabaseFailure> outage = DatabaseFailure.of(ex);
		if (outage.isPresent()) {
			DatabaseOutageFilter.logged(outage.get(), request, ex);
			return answer(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailure.RETRY_AFTER.toSeconds()))
				.body(outage.get().problem(DatabaseOutageFilter.isWrite(request), RequestCommits.anyIn(request)));
		}
		log.error("Unexpected failure in the API", ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing was changed."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(this::fieldError)
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: " + errors.stream()
					.map(error -> error.get("field") + " " + error.get("message"))
					.reduce((a, b) -> a + "; " + b)
					.orElse("check the body"));
		problem.setProperty("errors", errors);
		return answer(HttpStatus.BAD_REQUEST).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return answer(HttpStatus.BAD_REQUEST).body(problem(HttpStatus.BAD_REQUEST,
				"The request has invalid parameters: check " + ex.getParameterValidationResults()
					.stream()
					.map(r -> r.getMethodParameter().getParameterName())
					.toList()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			Map<String, String> error = Map.of("field", JsonFieldError.path(json), "message",
					JsonFieldError.message(json));
			// A NUL is well-formed JSON text that the hub refuses to keep: refused as a
			// rule, not as bad syntax.
			HttpStatus refused = TextWithoutNul.refused(json) ? HttpStatus.UNPROCESSABLE_CONTENT
					: HttpStatus.BAD_REQUEST;
			ProblemDetail problem = problem(refused,
					"The request has invalid fields: " + error.get("field") + " " + error.get("message"));
			problem.setProperty("errors", List.of(error));
			return answer(refused).body(problem);
		}
		return answer(HttpStatus.BAD_REQUEST).body(
				problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON for this endpoint."));
	}

	/**
	 * Spring's own answers (405, 406, 415, …) as problems too, whatever the request's
	 * Accept says: a preset content type is written as it is, without negotiation.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(body, problemHeaders, statusCode);
	}

	/**
	 * An answer whose body is written as {@code application/problem+json} even when the
	 * request's Accept names only other types (an image, a calendar): an error is always
	 * a problem.
	 */
	static ResponseEntity.BodyBuilder answer(HttpStatusCode status) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private Map<String, String> fieldError(FieldError error) {
		String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
		return Map.of("field", error.getField(), "message", message);
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
