package org.openvrm.vault;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.openvrm.platform.Secrets;
import org.openvrm.vault.internal.Keyrings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The private calendar feed of a person's contracts: notice deadlines (with a reminder a
 * week before) and end dates, for any calendar app to subscribe to. The feed's URL
 * carries a secret token; the hub keeps its hash to find the feed, and the events
 * encrypted under a key derived from the token, so the feed is served while the person is
 * away yet unreadable to the hub without the URL. The events are rebuilt, in the person's
 * language, whenever a contract changes (the vault is open then).
 */
@Service
public class CalendarFeed {

	static final String TOKEN_PREFIX = "ovrm_cal_";

	static final int REMINDER_DAYS = 7;

	private final JdbcClient jdbc;

	private final Contracts contracts;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	CalendarFeed(JdbcClient jdbc, Contracts contracts, JsonMapper json, MessageSource messages, Clock clock,
			@Value("${openvrm.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * One all-day event; {@code reminder} adds an alarm {@link #REMINDER_DAYS} days
	 * before.
	 */
	record Event(String uid, LocalDate date, String summary, String description, boolean reminder) {
	}

	private record Events(String calendarName, List<Event> events) {
	}

	private record FeedSecret(UUID id, String token) {
	}

	/** The feed's URL (holding its secret), if the person has a feed. */
	public Optional<String> url(Vault vault) {
		return secret(vault).map(secret -> url(secret.token()));
	}

	/**
	 * Makes a feed with a new secret (the old URL, if any, stops working) and returns its
	 * URL.
	 */
	@Transactional
	public String create(Vault vault) {
		remove(vault);
		UUID id = UUID.randomUUID();
		String token = Secrets.newSecret(TOKEN_PREFIX);
		jdbc.sql("""
				INSERT INTO vault_calendar_feed (id, account_id, token_hash, token_sealed, events, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(id, vault.owner(), Secrets.hash(token),
					vault.encrypt(token.getBytes(StandardCharsets.UTF_8), "calendar-feed-token:" + id),
					encryptEvents(vault.owner(), id, token, events(vault)), now())
			.update();
		return url(token);
	}

	@Transactional
	public void remove(Vault vault) {
		jdbc.sql("DELETE FROM vault_calendar_feed WHERE account_id = ?").param(vault.owner()).update();
	}

	@EventListener
	void contractsChanged(ContractsChanged changed) {
		Vault vault = changed.vault();
		secret(vault)
			.ifPresent(secret -> jdbc.sql("UPDATE vault_calendar_feed SET events = ?, updated_at = ? WHERE id = ?")
				.params(encryptEvents(vault.owner(), secret.id(), secret.token(), events(vault)), now(), secret.id())
				.update());
	}

	/**
	 * The feed as iCalendar text, for whoever holds its URL; empty for an unknown token.
	 */
	public Optional<String> render(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		record Row(UUID id, UUID owner, byte[] events, Instant updatedAt) {
		}
		return jdbc.sql("SELECT id, account_id, events, updated_at FROM vault_calendar_feed WHERE token_hash = ?")
			.param(Secrets.hash(token))
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getBytes("events"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional()
			.map(row -> ics(decryptEvents(row.owner(), row.id(), token, row.events()), row.updatedAt()));
	}

	private Events events(Vault vault) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Event> events = new ArrayList<>();
		for (Contract c : contracts.list(vault)) {
			String name = messages.getMessage("calendar.contract", new Object[] { c.title(), c.counterparty() },
					locale);
			if (c.end() != null && c.noticeDays() != null && c.noticeDays() > 0) {
				events.add(
						new Event(c.id() + "-notice@openvrm", c.noticeDeadline(),
								messages.getMessage("calendar.notice", new Object[] { name }, locale), messages
									.getMessage("calendar.notice.description", new Object[] { name, c.end() }, locale),
								true));
			}
			if (c.end() != null) {
				String key = c.autoRenewal() ? "calendar.renews" : "calendar.ends";
				events.add(new Event(c.id() + "-end@openvrm", c.end(),
						messages.getMessage(key, new Object[] { name }, locale), null,
						c.noticeDays() == null || c.noticeDays() == 0));
			}
		}
		return new Events(messages.getMessage("calendar.name", null, locale), events);
	}

	static String ics(Events feed, Instant updatedAt) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//OpenVRM//Contracts//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", feed.calendarName()));
		for (Event event : feed.events()) {
			VEvent vevent = new VEvent(event.date(), event.summary());
			vevent.replace(new DtStamp(updatedAt));
			vevent.add(new Uid(event.uid()));
			if (event.description() != null) {
				vevent.add(new Description(event.description()));
			}
			if (event.reminder()) {
				VAlarm alarm = new VAlarm(Duration.ofDays(-REMINDER_DAYS));
				alarm.add(ImmutableAction.DISPLAY);
				alarm.add(new Description(event.summary()));
				vevent.add(alarm);
			}
			calendar.add(vevent);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private byte[] encryptEvents(UUID owner, UUID feedId, String token, Events events) {
		try {
			return Keyrings.calendarFeedKey(feedId, token)
				.encrypt(json.writeValueAsBytes(events), Vault.binding(owner, "calendar-feed:" + feedId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt the calendar feed", ex);
		}
	}

	private Events decryptEvents(UUID owner, UUID feedId, String token, byte[] sealed) {
		Aead key = Keyrings.calendarFeedKey(feedId, token);
		try {
			return json.readValue(key.decrypt(sealed, Vault.binding(owner, "calendar-feed:" + feedId)), Events.class);
		}
		catch (GeneralSecurityException ex) {
			throw new Vault.TamperedData("calendar feed " + feedId);
		}
	}

	private Optional<FeedSecret> secret(Vault vault) {
		return jdbc.sql("SELECT id, token_sealed FROM vault_calendar_feed WHERE account_id = ?")
			.param(vault.owner())
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				byte[] token = vault.decrypt(rs.getBytes("token_sealed"), "calendar-feed-token:" + id);
				return new FeedSecret(id, new String(token, StandardCharsets.UTF_8));
			})
			.optional();
	}

	private String url(String token) {
		return baseUrl + "/api/v1/me/contracts.ics?token=" + token;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
