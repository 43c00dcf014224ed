package org.openvrm.vault.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.CalendarFeed;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar feed", description = "A private iCalendar feed of contract notice deadlines and end dates.")
class CalendarFeedApi {

	private final SessionVaults vaults;

	private final CalendarFeed feed;

	CalendarFeedApi(SessionVaults vaults, CalendarFeed feed) {
		this.vaults = vaults;
		this.feed = feed;
	}

	@GetMapping(path = "/api/v1/me/contracts.ics", produces = "text/calendar")
	@Operation(summary = "The calendar feed (no sign-in: the token is the capability)",
			description = "Notice deadlines (with a reminder 7 days before) and end dates of the person's contracts. "
					+ "An unknown or revoked token gets 404. Readable while the person is signed out.")
	ResponseEntity<String> ics(@Parameter(description = "the feed's secret, from its URL") @RequestParam(name = "token",
			required = false) String token) {
		String calendar = feed.render(token).orElseThrow(() -> new NotFound("Calendar feed"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(calendar);
	}

	@GetMapping(path = "/api/v1/me/calendar-feed", produces = "application/json")
	@Operation(summary = "The calendar feed's URL, if there is one", description = "404 when the person has no feed.")
	Map<String, String> get(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return Map.of("url", feed.url(vaults.require(me, request)).orElseThrow(() -> new NotFound("Calendar feed")));
	}

	@PostMapping(path = "/api/v1/me/calendar-feed", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make the calendar feed, or give it a new URL",
			description = "The previous URL stops working at once.")
	Map<String, String> create(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return Map.of("url", feed.create(vaults.require(me, request)));
	}

	@DeleteMapping("/api/v1/me/calendar-feed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop the calendar feed", description = "Its URL stops working and its events are deleted.")
	void delete(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		feed.remove(vaults.require(me, request));
	}

}
