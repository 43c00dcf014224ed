package org.openvrm.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.openvrm.platform.PlatformProperties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for pages ({@code @dates.medium(…)}) in the reader's language and the
 * hub's zone.
 */
@Component("dates")
class DisplayDates {

	private final ZoneId zone;

	DisplayDates(PlatformProperties properties) {
		String zone = properties.displayZone();
		this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
	}

	public String day(LocalDate date) {
		return date == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(LocaleContextHolder.getLocale())
					.format(date);
	}

	/** "October 2026", in the reader's language. */
	public String month(YearMonth month) {
		return month == null ? ""
				: DateTimeFormatter.ofPattern("LLLL yyyy", LocaleContextHolder.getLocale()).format(month);
	}

	/** "Oct", for chart axes. */
	public String shortMonth(YearMonth month) {
		return month == null ? "" : DateTimeFormatter.ofPattern("LLL", LocaleContextHolder.getLocale()).format(month);
	}

	/** The day an instant falls on, in the hub's zone. */
	public String dayOf(Instant instant) {
		return instant == null ? "" : day(LocalDate.ofInstant(instant, zone));
	}

	public String medium(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone)
			.format(instant);
	}

}
