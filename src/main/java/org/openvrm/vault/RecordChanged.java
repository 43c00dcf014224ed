package org.openvrm.vault;

/**
 * A record was added, edited or deleted, published synchronously inside the change's
 * transaction while the person's vault is open: the moment copies of its values (grants)
 * can be brought up to date. Never stored or sent anywhere: it carries the open vault and
 * the new values.
 *
 * @param record the new version, or (when {@code deleted}) a version without fields
 */
public record RecordChanged(Vault vault, Record record, boolean deleted) {

	@Override
	public String toString() {
		return "RecordChanged[" + record.id() + (deleted ? ", deleted" : "") + "]";
	}
}
