package org.openvrm.mailbox;

/**
 * The person's terms of contact, for every vendor with a channel to them.
 *
 * @param perMonth messages each vendor may send in any 30 days (a channel may set its
 * own)
 * @param marketing whether marketing messages are welcome at all; service messages always
 * are
 * @param digest whether an e-mail says "you have N new messages" (never what they say)
 */
public record ContactRules(int perMonth, boolean marketing, boolean digest) {

	public static final int MAX_PER_MONTH = 100;

	/** Until the person chooses: a few service messages, no marketing, no e-mail. */
	public static final ContactRules DEFAULTS = new ContactRules(4, false, false);

}
