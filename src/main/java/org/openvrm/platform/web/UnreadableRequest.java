package org.openvrm.platform.web;

import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that mean the request itself could not be read (a query string with a bad
 * percent-encoding, a multipart body without a boundary or cut short): the client's
 * error, so a 4xx, wherever in the chain the request was first read.
 */
final class UnreadableRequest {

	static final String UNREADABLE_PARAMETERS = "The query string or form body cannot be read: check its percent-encoding (UTF-8).";

	private UnreadableRequest() {
	}

	static Optional<HttpStatus> statusOf(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException) {
				return Optional.of(HttpStatus.CONTENT_TOO_LARGE);
			}
			if (cause instanceof MultipartException || cause instanceof InvalidFileNameException) {
				return Optional.of(HttpStatus.BAD_REQUEST);
			}
			if (cause instanceof InvalidParameterException invalid) {
				HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
				return Optional.of(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST);
			}
		}
		return Optional.empty();
	}

	static String detail(HttpStatus status, Throwable failure) {
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return "The request is too large: an upload may be at most spring.servlet.multipart.max-file-size (25 MB by default).";
		}
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof MultipartException || cause instanceof InvalidFileNameException
					|| cause.getClass().getPackageName().startsWith("org.apache.tomcat.util.http.fileupload")) {
				return ApiExceptionHandler.UNREADABLE_UPLOAD;
			}
		}
		return UNREADABLE_PARAMETERS;
	}

}
