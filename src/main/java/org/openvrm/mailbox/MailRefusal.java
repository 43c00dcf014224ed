package org.openvrm.mailbox;

/**
 * Mail the person's rules keep out, with the answer the SMTP conversation gives: a
 * temporary code (4xx) when trying again later will succeed, a permanent one (5xx) when
 * it will not.
 */
public final class MailRefusal extends Exception {

	private final int code;

	MailRefusal(int code, String reply) {
		super(reply, null, false, false);
		this.code = code;
	}

	/** The SMTP reply code: 450 or 550. */
	public int code() {
		return code;
	}

	/** The reply's text, starting with its enhanced status code (RFC 3463). */
	public String reply() {
		return getMessage();
	}

}
