package org.openvrm.consent.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.DashboardPanel;
import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.DataRequest;
import org.openvrm.consent.DataRequests;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** On the dashboard: vendors waiting for an answer to a data request. */
@Component
class DataRequestsPanel implements DashboardPanel {

	private final DataRequests requests;

	private final MessageSource messages;

	DataRequestsPanel(DataRequests requests, MessageSource messages) {
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public Optional<Panel> panelFor(SignedInAccount person, HttpSession session) {
		List<DataRequest> waiting = requests.ofPerson(person.id(), true);
		if (waiting.isEmpty()) {
			return Optional.empty();
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<String> items = waiting.stream()
			.map(r -> messages.getMessage("sharing.panel.item", new Object[] { r.vendorName(), String.join(", ", r.fields()),
					messages.getMessage("purpose." + r.purpose().key(), null, locale) }, locale))
			.toList();
		return Optional.of(new Panel(messages.getMessage("sharing.panel", new Object[] { waiting.size() }, locale), items,
				"/me/sharing", messages.getMessage("sharing.panel.link", null, locale)));
	}
}
