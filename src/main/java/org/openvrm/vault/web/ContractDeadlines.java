package org.openvrm.vault.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.DashboardPanel;
import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Contract;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.Vaults;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** On the dashboard: contracts whose notice deadline is within 60 days (while the vault is open). */
@Component
class ContractDeadlines implements DashboardPanel {

	private final Vaults vaults;

	private final Contracts contracts;

	private final MessageSource messages;

	ContractDeadlines(Vaults vaults, Contracts contracts, MessageSource messages) {
		this.vaults = vaults;
		this.contracts = contracts;
		this.messages = messages;
	}

	@Override
	public Optional<Panel> panelFor(SignedInAccount person, HttpSession session) {
		List<Contract> soon = vaults.find(person, session).map(contracts::nearDeadline).orElse(List.of());
		if (soon.isEmpty()) {
			return Optional.empty();
		}
		var locale = LocaleContextHolder.getLocale();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		List<String> items = soon.stream()
			.map(c -> messages.getMessage("contracts.soon.item",
					new Object[] { c.title(), c.counterparty(), dates.format(c.noticeDeadline()) }, locale))
			.toList();
		return Optional.of(new Panel(messages.getMessage("contracts.soon", null, locale), items, "/me/contracts",
				messages.getMessage("contracts.all", null, locale)));
	}
}
