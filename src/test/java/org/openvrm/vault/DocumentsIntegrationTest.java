package org.openvrm.vault;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class DocumentsIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDocumentRoundTripsThroughTheApiAndIsFoundByTitleTagAndCategory() {
		HubClient ann = Hub.person(port);
		byte[] pdf = "%PDF-1.4 rail pass".getBytes(StandardCharsets.UTF_8);

		HubClient.Response added = ann.upload("/api/v1/me/documents", "/login", Map.of("title", "Interrail pass 2027",
				"category", "CONTRACT", "tags", "travel, rail", "documentDate", "2027-08-01"), "pass.pdf",
				"application/pdf", pdf);
		assertThat(added.status()).isEqualTo(201);
		String id = id(added.body());
		ann.upload("/api/v1/me/documents", "/login", Map.of("title", "Dentist", "category", "HEALTH"), "x.png",
				"image/png", PNG);

		assertThat(ann.get("/api/v1/me/documents?q=interrail").body()).contains(id).doesNotContain("Dentist");
		assertThat(ann.get("/api/v1/me/documents?tag=RAIL").body()).contains(id);
		assertThat(ann.get("/api/v1/me/documents?category=HEALTH").body()).contains("Dentist").doesNotContain(id);

		HttpResponse<byte[]> download = ann.getBytes("/api/v1/me/documents/" + id + "/content");
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("pass.pdf");
		HttpResponse<byte[]> preview = ann.getBytes("/api/v1/me/documents/" + id + "/content?disposition=inline");
		assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

		assertThat(ann.sendJson("DELETE", "/api/v1/me/documents/" + id, null).status()).isEqualTo(204);
		assertThat(ann.get("/api/v1/me/documents/" + id).status()).isEqualTo(404);
	}

	@Test
	void onlyPdfAndImagesAreShownInline() {
		HubClient ann = Hub.person(port);
		String id = id(ann
			.upload("/api/v1/me/documents", "/login", Map.of("title", "page"), "evil.html", "text/html",
					"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
			.body());

		HttpResponse<byte[]> response = ann.getBytes("/api/v1/me/documents/" + id + "/content?disposition=inline");

		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'none'");
	}

	@Test
	void theHubStoresNoTitleTagOrContentInClear() {
		HubClient ann = Hub.person(port);
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");

		ann.upload("/api/v1/me/documents", "/login", Map.of("title", "Policy " + marker, "tags", marker),
				marker + ".txt", "text/plain", ("insured person " + marker).getBytes(StandardCharsets.UTF_8));

		assertThat(ann.get("/api/v1/me/documents?q=" + marker).body()).contains(marker);
		assertThat(RawStorage.tables(jdbc)).contains("vault_document");
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();
	}

	@Test
	void anOversizeUploadIsRefusedWith413AndNothingIsStored() {
		HubClient ann = Hub.person(port);
		long before = jdbc.queryForObject("SELECT count(*) FROM vault_document", Long.class);

		HubClient.Response api = ann.upload("/api/v1/me/documents", "/login", Map.of("title", "big"), "big.bin",
				"application/octet-stream", new byte[26 * 1024 * 1024]);

		assertThat(api.status()).isEqualTo(413);
		assertThat(api.header("Content-Type")).contains("application/problem+json");
		HubClient.Response page = ann.upload("/me/documents", "/me/documents", Map.of("title", "big"), "big.bin",
				"application/octet-stream", new byte[26 * 1024 * 1024]);
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("File too large").contains("25 MB");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM vault_document", Long.class)).isEqualTo(before);
	}

	@Test
	void badUploadsNameWhatToFix() {
		HubClient ann = Hub.person(port);
		HubClient.Response noFile = ann.upload("/api/v1/me/documents", "/login", Map.of("title", "nothing"), null, null,
				null);
		assertThat(noFile.status()).isEqualTo(422);
		assertThat(noFile.body()).contains("\"field\":\"file\"");
		HubClient.Response badTags = ann.upload("/api/v1/me/documents", "/login", Map.of("tags", "ok, <script>"),
				"a.txt", "text/plain", new byte[] { 1 });
		assertThat(badTags.status()).isEqualTo(422);
		assertThat(badTags.body()).contains("\"field\":\"tags\"");
		assertThat(ann.sendJson("POST", "/api/v1/me/documents", "{}").status()).isEqualTo(415);
		HubClient.Response formWithoutFile = ann.submit("/me/documents", "/me/documents", Map.of("title", "x"));
		assertThat(formWithoutFile.status()).isEqualTo(200);
		assertThat(formWithoutFile.body()).contains("Choose a file to add.");
	}

	@Test
	void personACannotReachPersonBsDocuments() {
		HubClient bob = Hub.person(port);
		String bobs = id(bob
			.upload("/api/v1/me/documents", "/login", Map.of("title", "Bob's passport"), "p.png", "image/png", PNG)
			.body());
		HubClient ann = Hub.person(port);

		assertThat(ann.get("/api/v1/me/documents/" + bobs).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/documents/" + bobs + "/content").status()).isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/documents/" + bobs, null).status()).isEqualTo(404);
		assertThat(ann.get("/me/documents/" + bobs).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/documents").body()).doesNotContain(bobs);
		assertThat(bob.getBytes("/api/v1/me/documents/" + bobs + "/content").body()).isEqualTo(PNG);
	}

	@Test
	void thePagesUploadListPreviewAndDelete() {
		HubClient ann = Hub.person(port);
		HubClient.Response uploaded = ann.upload("/me/documents", "/me/documents",
				Map.of("title", "Scan of ID card", "category", "IDENTITY", "tags", "id, passport"), "id.png",
				"image/png", PNG);
		assertThat(uploaded.location()).isEqualTo("/me/documents");

		String list = ann.get("/me/documents?tag=passport").body();
		assertThat(list).contains("Scan of ID card").contains("Identity");
		Matcher link = Pattern.compile("/me/documents/([0-9a-f-]{36})\"").matcher(list);
		assertThat(link.find()).isTrue();
		String page = ann.get("/me/documents/" + link.group(1)).body();
		assertThat(page).contains("id=\"preview\"").contains("disposition=inline");

		assertThat(ann.submit("/me/documents/" + link.group(1), "/me/documents/" + link.group(1) + "/delete", Map.of())
			.location()).isEqualTo("/me/documents");
		assertThat(ann.get("/me/documents").body()).doesNotContain("Scan of ID card");
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
