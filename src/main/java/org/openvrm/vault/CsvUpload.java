package org.openvrm.vault;

import java.util.List;
import java.util.UUID;

/**
 * A CSV statement just uploaded: its columns, its first rows, and a suggested mapping, which is the
 * one the person last imported a statement with these columns with when {@code remembered}.
 */
public record CsvUpload(UUID id, List<String> columns, List<List<String>> sample, int rows, ImportMapping suggested,
		boolean remembered) {

	public static final int SAMPLE = 5;
}
