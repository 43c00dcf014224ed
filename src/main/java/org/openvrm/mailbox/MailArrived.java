package org.openvrm.mailbox;

import java.util.UUID;

/**
 * Mail kept for one of the person's addresses, with its source: only for a copy the
 * person asked to be forwarded, after the commit. Never stored, never leaves the module.
 */
record MailArrived(UUID aliasId, UUID personId, byte[] raw) {
}
