package org.openvrm.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider-blind proof on the files themselves: the hub runs on the embedded default
 * (an H2 file database) in a fresh data directory, and every file under it is read as raw
 * bytes. A marker the person wrote into records, document titles, tags, file bodies,
 * contracts and imports, or a vendor mailed to one of the person's addresses (its text
 * and an attachment, filed in the vault once the person reads the inbox), appears
 * nowhere, while the e-mail address, which the hub does keep in clear, is found (so the
 * scan does see what is stored). On the PostgreSQL run this test still uses its own H2
 * file database: the data directory is the embedded default's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataDirectoryIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	@DynamicPropertySource
	static void fileDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("openvrm")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.default-schema", () -> "public");
		registry.add("spring.flyway.schemas", () -> "public");
		registry.add("spring.datasource.hikari.schema", () -> "public");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SmtpDoor smtp;

	@Test
	void noFileUnderTheDataDirectoryHoldsWhatThePersonWrote() throws Exception {
		String control = "control" + UUID.randomUUID().toString().replace("-", "");
		HubClient ann = Hub.person(port, control + "@example.org");
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");

		assertThat(ann
			.sendJson("POST", "/api/v1/me/records",
					"{\"kind\":\"IDENTITY\",\"fields\":{\"given-name\":\"" + marker + "\"}}")
			.status()).isEqualTo(201);
		assertThat(ann
			.upload("/api/v1/me/documents", "/login", Map.of("title", "Policy " + marker, "tags", marker),
					marker + ".txt", "text/plain", ("insured person " + marker).getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		assertThat(ann
			.sendJson("POST", "/api/v1/me/contracts",
					"{\"counterparty\":\"" + marker
							+ "\",\"title\":\"Mobile\",\"end\":\"2027-06-30\",\"noticeDays\":30}")
			.status()).isEqualTo(201);
		assertThat(ann
			.upload("/api/v1/me/imports/invoices", "/login", Map.of(), "invoice.xml", "application/xml",
					EInvoiceSamples.ubl(marker))
			.status()).isEqualTo(201);
		String shop = json(ann.sendJson("POST", "/api/v1/me/relationships", "{\"name\":\"Corner Shop\"}"), "id");
		mail(json(ann.sendJson("POST", "/api/v1/me/relationships/" + shop + "/aliases", null), "address"), marker);
		assertThat(ann.get("/api/v1/me/channels/" + shop).body()).contains("Receipt " + marker);
		jdbc.execute("CHECKPOINT SYNC");

		assertThat(filesContaining(control)).as("the scan sees stored data").isNotEmpty();
		assertThat(filesContaining(marker)).as("files holding the marker").isEmpty();
	}

	/** A shop's receipt, with the marker in its text and in an attached file. */
	private void mail(String to, String marker) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtp.port()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("receipts@shop.example"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject("Your receipt");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Receipt " + marker, "UTF-8");
		MimeBodyPart file = new MimeBodyPart();
		file.setDataHandler(new DataHandler(
				new ByteArrayDataSource(("receipt for " + marker).getBytes(StandardCharsets.UTF_8), "text/plain")));
		file.setFileName("receipt.txt");
		message.setContent(new MimeMultipart(text, file));
		Transport.send(message);
	}

	private static String json(HubClient.Response response, String field) {
		assertThat(response.status()).isEqualTo(201);
		return JSON.readTree(response.body()).get(field).asString();
	}

	private static List<Path> filesContaining(String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(data)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (indexOf(Files.readAllBytes(file), needle) >= 0) {
					found.add(file);
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
