package org.openvrm.vault;

import java.util.List;

/**
 * What a mapping makes of a CSV statement before anything is stored: how many rows, the
 * first transactions, and every row that does not fit (the first {@link #MAX_ERRORS} are
 * listed).
 */
public record ImportPreview(int rows, int valid, List<Transaction> sample, int errorCount, List<RowError> errors) {

	public static final int SAMPLE = 20;

	public static final int MAX_ERRORS = 50;

	/**
	 * A field of a row that does not fit; {@code row} 1 is the first line after the
	 * header.
	 */
	public record RowError(int row, String field, String messageKey) {
	}
}
