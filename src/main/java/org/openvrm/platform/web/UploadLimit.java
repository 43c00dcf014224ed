package org.openvrm.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit fails before any controller is chosen, so it is answered here:
 * a 413 problem for the API, the "file too large" page for people.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		if (request.getServletPath().startsWith("/api/")) {
			ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than the hub accepts (spring.servlet.multipart.max-file-size, 25 MB by default).");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		// Rendered here: the container's error dispatch of a failed multipart request has
		// no body.
		ModelAndView page = new ModelAndView("error/413", Map.of("currentPath", request.getServletPath()));
		page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		return page;
	}

}
