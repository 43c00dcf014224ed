package org.openvrm.platform.web;

import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (unknown paths, failures in filters): a problem
 * for the API, a page for people. Replaces Boot's whitelabel page, which could show
 * internals.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (isApi(request)) {
			return "forward:/error/problem";
		}
		HttpStatus status = status(request);
		model.addAttribute("status", status.value());
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		response.setStatus(status.value());
		return switch (status) {
			case NOT_FOUND, FORBIDDEN, CONTENT_TOO_LARGE -> "error/" + status.value();
			default -> "error/generic";
		};
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		String detail = switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
			case CONTENT_TOO_LARGE -> "The request is too large.";
			case BAD_REQUEST -> request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
					? UnreadableRequest.detail(status, failure) : "The request cannot be read.";
			default -> status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase();
		};
		return ResponseEntity.status(status).headers(headers -> {
			if (status == HttpStatus.SERVICE_UNAVAILABLE) {
				headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailure.RETRY_AFTER.toSeconds()));
			}
		})
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(outage(request).orElse(ApiExceptionHandler.problem(status, detail)));
	}

	/** The same answer as the API's own for a database failure, "saved" included. */
	private static Optional<ProblemDetail> outage(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				? DatabaseFailure.of(failure)
					.map(kind -> kind.problem(DatabaseOutageFilter.isWrite(request), RequestCommits.anyIn(request)))
				: Optional.empty();
	}

	@RequestMapping("/error/problem")
	ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
		return problem(request);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith("/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			if (DatabaseFailure.of(failure).isPresent()) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			Optional<HttpStatus> unreadable = UnreadableRequest.statusOf(failure);
			if (unreadable.isPresent()) {
				return unreadable.get();
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
