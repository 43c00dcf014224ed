package org.openvrm.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Locked;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.platform.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as an RFC 9457 problem. Field problems carry an {@code errors} list
 * naming each field and what to fix. Unexpected failures are logged here and answered with a
 * plain 500: no stack trace or exception text ever reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

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
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(Locked.class)
	ResponseEntity<ProblemDetail> locked(Locked ex) {
		return ResponseEntity.status(HttpStatus.LOCKED).body(problem(HttpStatus.LOCKED, ex.getMessage()));
	}

	@ExceptionHandler(org.openvrm.platform.Withheld.class)
	ResponseEntity<ProblemDetail> withheld(org.openvrm.platform.Withheld ex) {
		HttpStatus status = ex.gone() ? HttpStatus.GONE : HttpStatus.FORBIDDEN;
		return ResponseEntity.status(status).body(problem(status, text(ex.messageKey())));
	}

	@ExceptionHandler(TooManyRequests.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequests ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' is not a valid value");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "is not a valid value")));
		return ResponseEntity.badRequest().body(problem);
	}

	/** Left to Spring Security, which answers them with the API's own 401/403 problems. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void securityDecision(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure in the API", ex);
		return ResponseEntity.internalServerError()
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
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + errors.stream()
			.map(error -> error.get("field") + " " + error.get("message"))
			.reduce((a, b) -> a + "; " + b)
			.orElse("check the body"));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters: check "
					+ ex.getParameterValidationResults().stream().map(r -> r.getMethodParameter().getParameterName()).toList()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON for this endpoint."));
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
