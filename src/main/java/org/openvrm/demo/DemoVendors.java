package org.openvrm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.platform.Secrets;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.ApiClient;
import org.openvrm.vendor.ApiClients;
import org.openvrm.vendor.CreatedClient;
import org.openvrm.vendor.ProfileChange;
import org.openvrm.vendor.VendorProfiles;
import org.openvrm.vendor.Vendors;
import org.openvrm.vendor.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the demo vendors once the hub listens: each persona gets its organisation (made
 * on the first start, found again after), a profile, and an API client whose secret is
 * rotated at every start (a secret is shown only once, and the demo keeps none); then
 * each agent polls its feed every second.
 */
@Component
@ConditionalOnProperty(name = "openvrm.demo.enabled", havingValue = "true")
class DemoVendors {

	private static final Logger log = LoggerFactory.getLogger(DemoVendors.class);

	private static final String CLIENT_NAME = "demo agent";

	private final Vendors vendors;

	private final Accounts accounts;

	private final ApiClients clients;

	private final VendorProfiles profiles;

	private final Roster roster;

	private final JsonMapper json;

	private final List<DemoAgent> agents = new ArrayList<>();

	DemoVendors(Vendors vendors, Accounts accounts, ApiClients clients, VendorProfiles profiles, Roster roster,
			JsonMapper json) {
		this.vendors = vendors;
		this.accounts = accounts;
		this.clients = clients;
		this.profiles = profiles;
		this.roster = roster;
		this.json = json;
	}

	@EventListener
	void start(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // the management port, when it has one of its own
		}
		String base = "http://localhost:" + event.getWebServer().getPort();
		List<String> terms = roster.all().stream().map(Agreement::id).toList();
		for (Persona persona : Persona.ALL) {
			UUID admin = admin(persona);
			CreatedClient client = client(admin);
			synchronized (agents) {
				agents.add(new DemoAgent(persona, base, client.client().clientId(), client.secret(), terms, json));
			}
		}
		log.info("Demo mode: {} demo vendors answer matching intents (openvrm.demo.enabled=true)", Persona.ALL.size());
	}

	@Scheduled(fixedDelayString = "${openvrm.demo.poll-interval:1s}")
	void poll() {
		List<DemoAgent> running;
		synchronized (agents) {
			running = List.copyOf(agents);
		}
		running.forEach(DemoAgent::poll);
	}

	private UUID admin(Persona persona) {
		String email = "demo-" + persona.slug() + "@demo.openvrm.invalid";
		UUID admin = accounts.findByEmail(email)
			.map(Account::id)
			.orElseGet(() -> vendors
				.signUp(persona.name(),
						new NewAccount(email, "Demo agent", Secrets.newSecret("demo-"), AccountKind.VENDOR_MEMBER,
								Locale.ENGLISH))
				.accountId());
		var vendor = profiles.update(admin, new ProfileChange(persona.name(), persona.description(), null, null,
				persona.categories(), persona.regions(), List.of(), List.of()));
		profiles.verify(vendor.id(), persona.verified() ? Verification.VERIFIED : Verification.UNVERIFIED);
		return admin;
	}

	private CreatedClient client(UUID admin) {
		for (ApiClient existing : clients.list(admin)) {
			if (CLIENT_NAME.equals(existing.name()) && existing.revokedAt() == null) {
				return clients.rotate(admin, existing.clientId());
			}
		}
		return clients.create(admin, CLIENT_NAME, List.of("intents:read", "offers:write", "events:read"));
	}

}
