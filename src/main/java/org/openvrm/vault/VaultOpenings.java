package org.openvrm.vault;

import org.openvrm.vault.internal.KeyringOpened;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells other modules that a vault opened, without showing them the keyring behind it.
 */
@Component
class VaultOpenings {

	private final ApplicationEventPublisher events;

	VaultOpenings(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void opened(KeyringOpened opened) {
		events.publishEvent(new VaultOpened(new Vault(opened.keyring())));
	}

}
