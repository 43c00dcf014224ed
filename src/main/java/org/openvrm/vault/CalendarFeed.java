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

import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.Secrets;
import org.openvrm.vault.internal.CalendarFeedRepository;
import org.openvrm.vault.internal.DerivedKeys;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final CalendarFeedRepository repository;

	private final Contracts contracts;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	CalendarFeed(CalendarFeedRepository repository, Contracts contracts, JsonMapper json, MessageSource messages,
			Clock clock, PlatformProperties platform) {
		this.repository = repository;
		this.contracts = contracts;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = platform.baseUrl().replaceAll("/+$", "");
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
		repository.insert(id, vault.owner(), Secrets.hash(token),
				vault.encrypt(token.getBytes(StandardCharsets.UTF_8), CalendarFeedRepository.tokenBinding(id)),
				encryptEvents(vault.owner(), id, token, events(vault)), clock.instant());
		return url(token);
	}

	@Transactional
	public void remove(Vault vault) {
		repository.delete(vault.owner());
	}

	@EventListener
	void contractsChanged(ContractsChanged changed) {
		Vault vault = changed.vault();
		secret(vault).ifPresent(secret -> repository.updateEvents(secret.id(),
				encryptEvents(vault.owner(), secret.id(), secret.token(), events(vault)), clock.instant()));
	}

	/**
	 * The feed as iCalendar text, for whoever holds its URL; empty for an unknown token.
	 */
	public Optional<String> render(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return repository.findByTokenHash(Secrets.hash(token))
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
			return DerivedKeys.calendarFeedKey(feedId, token)
				.encrypt(json.writeValueAsBytes(events),
						Vault.binding(owner, CalendarFeedRepository.eventsBinding(feedId)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt the calendar feed", ex);
		}
	}

	private Events decryptEvents(UUID owner, UUID feedId, String token, byte[] sealed) {
		Aead key = DerivedKeys.calendarFeedKey(feedId, token);
		try {
			return json.readValue(
					key.decrypt(sealed, Vault.binding(owner, CalendarFeedRepository.eventsBinding(feedId))),
					Events.class);
		}
		catch (GeneralSecurityException ex) {
			throw new Vault.TamperedData("calendar feed " + feedId);
		}
	}

	private Optional<FeedSecret> secret(Vault vault) {
		return repository.find(vault.owner()).map(row -> {
			byte[] token = vault.decrypt(row.tokenSealed(), CalendarFeedRepository.tokenBinding(row.id()));
			return new FeedSecret(row.id(), new String(token, StandardCharsets.UTF_8));
		});
	}

	private String url(String token) {
		return baseUrl + "/api/v1/me/contracts.ics?token=" + token;
	}

}
