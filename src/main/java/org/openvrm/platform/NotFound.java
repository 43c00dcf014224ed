package org.openvrm.platform;

/**
 * The object does not exist <em>for the caller</em>. Objects of other people or vendors
 * are reported the same way, so that their existence is not revealed.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + " not found");
	}

}
