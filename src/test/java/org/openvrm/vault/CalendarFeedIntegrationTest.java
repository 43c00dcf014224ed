package org.openvrm.vault;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class CalendarFeedIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFeedCarriesNoticeDeadlinesAndEndDatesAndIsReadableWhileThePersonIsSignedOut() {
		HubClient ann = Hub.person(port);
		LocalDate end = LocalDate.now().plusMonths(6);
		ann.sendJson("POST", "/api/v1/me/contracts", """
				{"title":"Mobile plan","counterparty":"Proximus","end":"%s","noticeDays":30}""".formatted(end));
		String feedPath = path(ann.sendJson("POST", "/api/v1/me/calendar-feed", null));

		ann.submit("/me", "/logout", Map.of());
		ann.forgetCookies();
		HubClient.Response calendar = new HubClient(port).get(feedPath);

		assertThat(calendar.status()).isEqualTo(200);
		assertThat(calendar.header("Content-Type")).startsWith("text/calendar");
		assertThat(calendar.body()).contains("BEGIN:VCALENDAR")
			.contains("SUMMARY:Last day to give notice: Mobile plan (Proximus)")
			.contains("DTSTART;VALUE=DATE:" + end.minusDays(30).format(DateTimeFormatter.BASIC_ISO_DATE))
			.contains("TRIGGER:-P7D")
			.contains("SUMMARY:Ends: Mobile plan (Proximus)")
			.contains("DTSTART;VALUE=DATE:" + end.format(DateTimeFormatter.BASIC_ISO_DATE));
	}

	@Test
	void aChangedContractChangesTheFeedAndANewAddressRetiresTheOldOne() {
		HubClient ann = Hub.person(port);
		String contract = JSON
			.readTree(ann
				.sendJson("POST", "/api/v1/me/contracts",
						"{\"title\":\"Energy\",\"counterparty\":\"Engie\",\"end\":\"2027-03-31\",\"autoRenewal\":true}")
				.body())
			.get("id")
			.asString();
		String first = path(ann.sendJson("POST", "/api/v1/me/calendar-feed", null));
		assertThat(new HubClient(port).get(first).body()).contains("SUMMARY:Renews: Energy (Engie)");

		ann.sendJson("PUT", "/api/v1/me/contracts/" + contract,
				"{\"title\":\"Gas\",\"counterparty\":\"Engie\",\"end\":\"2027-06-30\"}");
		assertThat(new HubClient(port).get(first).body()).contains("SUMMARY:Ends: Gas (Engie)")
			.contains("20270630")
			.doesNotContain("Energy");
		assertThat(ann.get("/api/v1/me/calendar-feed").body()).contains(first);

		String second = path(ann.sendJson("POST", "/api/v1/me/calendar-feed", null));
		assertThat(second).isNotEqualTo(first);
		assertThat(new HubClient(port).get(first).status()).isEqualTo(404);
		assertThat(new HubClient(port).get(second).status()).isEqualTo(200);

		assertThat(ann.sendJson("DELETE", "/api/v1/me/calendar-feed", null).status()).isEqualTo(204);
		assertThat(new HubClient(port).get(second).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/calendar-feed").status()).isEqualTo(404);
	}

	@Test
	void theHubCannotReadTheFeedAndOthersCannotGuessIt() {
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
		HubClient ann = Hub.person(port);
		ann.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"" + marker + "\",\"end\":\"2027-01-31\"}");
		String feed = path(ann.sendJson("POST", "/api/v1/me/calendar-feed", null));
		HubClient bob = Hub.person(port);

		assertThat(new HubClient(port).get(feed).body()).contains(marker);
		assertThat(RawStorage.tables(jdbc)).contains("vault_calendar_feed");
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, feed.substring(feed.indexOf("token=") + 6))).isEmpty();
		assertThat(bob.get("/api/v1/me/calendar-feed").status()).isEqualTo(404);
		assertThat(new HubClient(port).get("/api/v1/me/contracts.ics").status()).isEqualTo(404);
		assertThat(new HubClient(port).get("/api/v1/me/contracts.ics?token=ovrm_cal_" + "A".repeat(43)).status())
			.isEqualTo(404);
	}

	@Test
	void thePageMakesShowsAndStopsTheFeed() {
		HubClient ann = Hub.person(port);
		assertThat(ann.get("/me/contracts").body()).contains("Make a calendar feed").doesNotContain("contracts.ics");

		assertThat(ann.submit("/me/contracts", "/me/contracts/calendar-feed", Map.of()).location())
			.isEqualTo("/me/contracts");
		assertThat(ann.get("/me/contracts").body()).contains("/api/v1/me/contracts.ics?token=ovrm_cal_");

		ann.submit("/me/contracts", "/me/contracts/calendar-feed/delete", Map.of());
		assertThat(ann.get("/me/contracts").body()).doesNotContain("contracts.ics");
	}

	private static String path(HubClient.Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = JSON.readTree(created.body()).get("url").asString();
		return url.substring(url.indexOf("/api/"));
	}

}
