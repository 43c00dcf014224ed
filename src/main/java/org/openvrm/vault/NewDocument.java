package org.openvrm.vault;

import java.time.LocalDate;
import java.util.List;

/** What an upload supplies besides the bytes; {@link Documents#add} checks it. */
public record NewDocument(String title, DocumentCategory category, List<String> tags, LocalDate documentDate,
		String fileName, String contentType) {
}
