package org.openvrm.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.vault.internal.OpenVaults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class ExportIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OpenVaults openVaults;

	@Test
	void theExportHoldsEveryRecordContractAndDocumentWithAReadme() throws IOException {
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
		HubClient ann = Hub.person(port);
		ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"IDENTITY\",\"fields\":{\"given-name\":\"" + marker + "\"}}");
		ann.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"Contract " + marker + "\"}");
		byte[] file = ("scan " + marker).getBytes(StandardCharsets.UTF_8);
		ann.upload("/api/v1/me/documents", "/login", Map.of("title", "Scan"), "scan one.txt", "text/plain", file);
		Hub.person(port)
			.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"BOB-ONLY\"}}");

		HttpResponse<byte[]> response = ann.getBytes("/api/v1/me/export");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		Map<String, byte[]> entries = unzip(response.body());
		assertThat(entries).containsKeys("README.txt", "records.json", "contracts.json", "documents.json",
				"inbox.json");
		assertThat(new String(entries.get("records.json"), StandardCharsets.UTF_8)).contains(marker)
			.doesNotContain("BOB-ONLY");
		assertThat(new String(entries.get("contracts.json"), StandardCharsets.UTF_8)).contains("Contract " + marker);
		assertThat(entries.entrySet()).anySatisfy(entry -> {
			assertThat(entry.getKey()).startsWith("documents/").endsWith("/scan one.txt");
			assertThat(entry.getValue()).isEqualTo(file);
		});
	}

	@Test
	void aClosedVaultCannotBeExported() {
		String email = Hub.uniqueEmail("closed-export");
		HubClient ann = Hub.person(port, email);
		openVaults.closeAll(jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email));

		assertThat(ann.get("/api/v1/me/export").status()).isEqualTo(423);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
