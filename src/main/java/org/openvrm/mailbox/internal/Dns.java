package org.openvrm.mailbox.internal;

import java.time.Duration;
import java.util.List;

/**
 * The DNS the checks of inbound mail read (SPF, DKIM, DMARC). Answers are in the form the
 * SPF library expects: an address for A and AAAA, a host name for MX and PTR, the joined
 * strings of a TXT record. Tests put fixed records in its place.
 */
public interface Dns {

	enum RecordType {

		A, AAAA, MX, PTR, TXT

	}

	/**
	 * The records of that name and type; empty when the name or the records do not exist.
	 * @throws Trouble no answer within the time given, or a failing server: the check is
	 * a {@code temperror}, never a refusal
	 */
	List<String> answers(String name, RecordType type, Duration within) throws Trouble;

	/**
	 * No usable answer (a timeout, SERVFAIL): the sender's fault or ours, not the mail's.
	 */
	final class Trouble extends Exception {

		public Trouble(String message) {
			super(message, null, false, false);
		}

	}

}
