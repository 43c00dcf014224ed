package org.openvrm.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class VaultExportUnitTest {

	/**
	 * A document deleted between the list and its turn once cut the ZIP short after the
	 * 200.
	 */
	@Test
	void aDocumentDeletedWhileTheArchiveIsWrittenIsLeftOutAndTheArchiveIsWhole() throws IOException {
		Vault vault = mock(Vault.class);
		when(vault.owner()).thenReturn(UUID.randomUUID());
		Document gone = document("gone.pdf");
		Document kept = document("kept.pdf");
		Documents documents = mock(Documents.class);
		when(documents.search(vault, null, null, null)).thenReturn(List.of(gone, kept));
		when(documents.content(vault, gone.id())).thenThrow(new NotFound("Document"));
		when(documents.content(vault, kept.id()))
			.thenReturn(new Documents.Content(kept, "kept".getBytes(StandardCharsets.UTF_8)));
		VaultExport export = new VaultExport(mock(Records.class), mock(Contracts.class), documents,
				mock(SealedInbox.class), JsonMapper.builder().build(), mock(ApplicationEventPublisher.class),
				mock(TransactionTemplate.class), mock(Invoices.class), mock(Transactions.class),
				mock(Counterparties.class));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(vault, out);

		Map<String, String> entries = unzip(out.toByteArray());
		assertThat(entries).containsKeys("README.txt", "documents.json", "transactions.json", "counterparties.json");
		assertThat(entries).containsEntry("documents/" + kept.id() + "/kept.pdf", "kept");
		assertThat(entries.keySet()).noneMatch(name -> name.contains(gone.id().toString()));
		assertThat(entries.get("documents.json")).contains(kept.id().toString()).doesNotContain(gone.id().toString());
	}

	private static Document document(String name) {
		return new Document(UUID.randomUUID(), name, DocumentCategory.values()[0], List.of(), null, name,
				"application/pdf", 4, Instant.parse("2026-12-01T10:00:00Z"));
	}

	private static Map<String, String> unzip(byte[] archive) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}
