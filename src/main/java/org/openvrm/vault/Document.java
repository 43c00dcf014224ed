package org.openvrm.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A file in the vault, as its owner sees it (the content is fetched separately). */
public record Document(UUID id, String title, DocumentCategory category, List<String> tags, LocalDate documentDate,
		String fileName, String contentType, long size, Instant addedAt) {

	/** Types a browser may show in the page; anything else is only ever downloaded. */
	static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
			"image/webp");

	public boolean previewable() {
		return PREVIEWABLE.contains(contentType);
	}

	public boolean isImage() {
		return contentType.startsWith("image/") && previewable();
	}

	@Override
	public String toString() {
		return "Document[" + id + "]";
	}
}
