package org.openvrm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each malformed request that once got a 500, or Tomcat's HTML page, from outside (issue
 * 22), sent as it was over a plain socket: each now gets a 4xx problem.
 * {@link ApiFuzzIntegrationTest} sends many more of their kind.
 */
@HubTest
class MalformedRequestsIntegrationTest {

	@LocalServerPort
	int port;

	ApiFuzzer raw;

	String token;

	@BeforeEach
	void person() {
		raw = new ApiFuzzer(port, 1);
		token = Hub.personalAccessToken(Hub.person(port));
	}

	@Test
	void aBadPercentEncodingInAQueryStringIs400() {
		for (String query : new String[] { "q=%G1", "q=%", "q=%C3%28", "q=%ZZ" }) {
			assertProblem(send("GET", "/api/v1/vendors?" + query, Map.of(), null), 400, "percent-encoding");
			assertProblem(send("GET", "/api/v1/me/records?" + query, bearer(), null), 400, "percent-encoding");
		}
	}

	@Test
	void aPathOrRequestLineTomcatRefusesIsAProblemUnderTheApi() {
		for (String path : new String[] { "/api/v1/vendors/%2F", "/api/v1/vendors/%5C", "/api/v1/vendors/%00",
				"/api/v1/vendors/%ff%fe", "/api/v1/vendors/%ZZ", "/api/v1/vendors?q=" + "a".repeat(9000) }) {
			assertProblem(send("GET", path, Map.of(), null), 400, "cannot be read");
		}
	}

	@Test
	void aNulInJsonTextIs422NamingTheFieldOnEveryDatabase() {
		// PostgreSQL cannot store U+0000 in text; it once reached a token's name as a 500
		// there.
		HubClient anne = Hub.person(port);
		HubClient.Response named = anne.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"a\\u0000b\"}");
		assertThat(named.status()).as(named.body()).isEqualTo(422);
		assertThat(named.body()).contains("\"field\":\"name\"").contains("NUL");
		HubClient.Response inList = new HubClient(port).sendJson("POST", "/api/v1/vendor-registrations",
				"{\"registrationToken\":\"ovrt_x\",\"name\":\"crm\\u0000\"}");
		assertThat(inList.status()).as(inList.body()).isEqualTo(422);
		assertProblem(send("POST", "/api/v1/me/records", with(bearer(), "Content-Type", "application/json"),
				"{\"kind\":\"PHONE\",\"fields\":{\"number\":\"1\\u0000\"}}"), 422, "NUL");
	}

	@Test
	void multipartSentToAJsonEndpointIs400NotA500() {
		String body = "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"1\"}}";
		assertThat(send("POST", "/api/v1/me/records", with(bearer(), "Content-Type", "multipart/form-data"), body)
			.status()).isIn(400, 415);
		assertProblem(
				send("POST", "/api/v1/me/records", with(bearer(), "Content-Type", "multipart/form-data; boundary=x"),
						"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"),
				400, "upload");
	}

	@Test
	void brokenUploadsAre400() {
		Map<String, String> headers = bearer();
		assertProblem(send("POST", "/api/v1/me/documents", with(headers, "Content-Type", "multipart/form-data"), "x"),
				400, "upload");
		assertProblem(
				send("POST", "/api/v1/me/documents", with(headers, "Content-Type", "multipart/form-data; boundary=b"),
						"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\ncut"),
				400, "upload");
		assertProblem(send("POST", "/api/v1/me/documents",
				with(headers, "Content-Type", "multipart/form-data; boundary=b"),
				"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.pdf\"\r\n\r\nx\r\n--b--\r\n"),
				400, "upload");
	}

	@Test
	void aWildcardContentTypeIs415() {
		assertProblem(send("POST", "/api/v1/me/data-requests/" + UUID.randomUUID() + "/approve",
				with(bearer(), "Content-Type", "*/*"), "{}"), 415, "wildcard");
	}

	@Test
	void anErrorIsAProblemWhateverTheAcceptHeaderSays() {
		for (String accept : new String[] { "text/calendar", "image/png", "application/zip" }) {
			ApiFuzzer.Answer answer = send("GET", "/api/v1/me/records/" + UUID.randomUUID(),
					with(bearer(), "Accept", accept), null);
			assertThat(answer.status()).isIn(404, 406);
			assertThat(answer.header("content-type")).startsWith("application/problem+json");
		}
	}

	private ApiFuzzer.Answer send(String method, String target, Map<String, String> headers, String body) {
		return raw.send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}

	private Map<String, String> bearer() {
		return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put(name, value);
		return all;
	}

	private static void assertProblem(ApiFuzzer.Answer answer, int status, String detail) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("content-type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains(detail).doesNotContain("Exception");
	}

}
