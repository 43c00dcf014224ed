package org.openvrm.vault;

import java.util.List;
import java.util.UUID;

/** A CSV statement just uploaded: its columns, its first rows, and a suggested mapping. */
public record CsvUpload(UUID id, List<String> columns, List<List<String>> sample, int rows, ImportMapping suggested) {

	public static final int SAMPLE = 5;
}
