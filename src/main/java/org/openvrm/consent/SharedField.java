package org.openvrm.consent;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openvrm.vault.RecordKind;

/**
 * A field of the person's records as grants and requests name it: {@code kind.field}, for
 * example {@code email.address} or {@code postal-address.city} (custom records:
 * {@code custom.<name>}).
 */
public record SharedField(RecordKind kind, String field) {

	private static final Pattern CUSTOM = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	public static Optional<SharedField> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		int dot = key.strip().indexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		String kindKey = key.strip().substring(0, dot);
		String field = key.strip().substring(dot + 1);
		return Arrays.stream(RecordKind.values())
			.filter(kind -> kind.key().equals(kindKey))
			.findFirst()
			.filter(kind -> kind == RecordKind.CUSTOM ? CUSTOM.matcher(field).matches() : kind.fields().contains(field))
			.map(kind -> new SharedField(kind, field));
	}

	public String key() {
		return kind.fieldKey(field);
	}

	@Override
	public String toString() {
		return key();
	}
}
