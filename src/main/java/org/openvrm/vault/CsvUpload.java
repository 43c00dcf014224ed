package org.openvrm.vault;

import java.util.List;
import java.util.UUID;

/**
 * A statement just uploaded: its columns, its first rows, and a suggested mapping, which
 * is the one the person last imported a statement with these columns with when
 * {@code remembered}. A camt.053, MT940 or OFX file ({@code format}) comes as fixed
 * columns (date, amount, currency, description, counterparty) with the mapping that reads
 * them.
 */
public record CsvUpload(UUID id, List<String> columns, List<List<String>> sample, int rows, ImportMapping suggested,
		boolean remembered, StatementFormat format) {

	public static final int SAMPLE = 5;

}
