package org.openvrm.vault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.TextProperty;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.ImportStatus.Kind;
import org.openvrm.vault.internal.CounterpartyRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's counterparties (shops, landlords, insurers, people), each sealed under the
 * data key. Contact cards (vCard 2.1, 3.0, 4.0, read by ez-vcard) import as
 * counterparties, the usable ones of a file (the others named, with why); contracts offer
 * their names.
 */
@Service
public class Counterparties {

	static final int MAX_CARDS = 5000;

	private final CounterpartyRepository repository;

	private final JsonMapper json;

	private final Imports imports;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Counterparties(CounterpartyRepository repository, JsonMapper json, Imports imports, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.json = json;
		this.imports = imports;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Imports the usable cards and names the others: a card is called by its name, else
	 * its organisation, e-mail address or phone number; one with none of these is left
	 * out.
	 * @throws InvalidInput (field {@code file}) for a file without cards, or without a
	 * usable one
	 */
	@Transactional
	public ContactsImport importVCards(Vault vault, byte[] file) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		List<VCard> cards = Ezvcard.parse(new String(file, StandardCharsets.UTF_8)).all();
		if (cards.isEmpty()) {
			throw new InvalidInput("file", "contacts.none");
		}
		if (cards.size() > MAX_CARDS) {
			throw new InvalidInput("file", "contacts.too-many");
		}
		List<Counterparty> read = new ArrayList<>();
		List<ContactsImport.Skipped> skipped = new ArrayList<>();
		for (int i = 0; i < cards.size(); i++) {
			Counterparty card = counterparty(cards.get(i));
			if (card == null) {
				skipped.add(new ContactsImport.Skipped(i + 1, "contacts.card.no-name"));
			}
			else {
				read.add(card);
			}
		}
		if (read.isEmpty()) {
			throw new InvalidInput("file", "contacts.none-usable");
		}
		UUID importId = imports.recordDone(vault, Kind.CONTACTS, read.size());
		Instant now = clock.instant();
		List<Counterparty> stored = new ArrayList<>();
		for (Counterparty c : read) {
			UUID id = UUID.randomUUID();
			Counterparty kept = new Counterparty(id, c.name(), c.organisation(), c.emails(), c.phones(), c.website(),
					c.address(), c.note(), importId);
			repository.insert(id, vault.owner(), importId,
					vault.encrypt(json.writeValueAsBytes(kept), CounterpartyRepository.binding(id)), now);
			stored.add(kept);
		}
		return new ContactsImport(stored, skipped);
	}

	/** The person's counterparties, by name. */
	public List<Counterparty> list(Vault vault) {
		return repository.list(vault.owner())
			.stream()
			.map(row -> json.readValue(vault.decrypt(row.sealed(), CounterpartyRepository.binding(row.id())),
					Counterparty.class))
			.sorted(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT)))
			.toList();
	}

	@Transactional
	public void delete(Vault vault, UUID id) {
		if (!repository.delete(id, vault.owner())) {
			throw new NotFound("Counterparty");
		}
		events.publishEvent(new CounterpartyDeleted(vault.owner(), id));
	}

	/**
	 * Null for a card with nothing to call it by: no name, organisation, e-mail address
	 * or phone number.
	 */
	private static Counterparty counterparty(VCard card) {
		String organisation = card.getOrganization() == null ? null
				: String.join(", ", card.getOrganization().getValues().stream().filter(Objects::nonNull).toList());
		String name = card.getFormattedName() != null ? card.getFormattedName().getValue() : null;
		if (blank(name) && card.getStructuredName() != null) {
			name = String.join(" ",
					nonBlank(card.getStructuredName().getGiven(), card.getStructuredName().getFamily()));
		}
		List<String> emails = card.getEmails()
			.stream()
			.map(TextProperty::getValue)
			.filter(v -> !blank(v))
			.map(v -> limit(v, 320))
			.toList();
		List<String> phones = card.getTelephoneNumbers()
			.stream()
			.map(t -> t.getText() != null ? t.getText() : t.getUri() == null ? null : t.getUri().getNumber())
			.filter(v -> !blank(v))
			.map(v -> limit(v, 50))
			.toList();
		// An address book may keep a card with only an e-mail address or a number: it is
		// called by that.
		if (blank(name)) {
			name = nonBlank(organisation, emails.isEmpty() ? null : emails.get(0),
					phones.isEmpty() ? null : phones.get(0))
				.stream()
				.findFirst()
				.orElse(null);
		}
		if (name == null) {
			return null;
		}
		return new Counterparty(null, limit(name, 200), limit(blank(organisation) ? null : organisation, 200), emails,
				phones, card.getUrls().isEmpty() ? null : limit(card.getUrls().get(0).getValue(), 500),
				card.getAddresses().isEmpty() ? null : limit(address(card.getAddresses().get(0)), 500),
				card.getNotes().isEmpty() ? null : limit(card.getNotes().get(0).getValue(), 1000), null);
	}

	private static String address(Address address) {
		return String.join(", ",
				nonBlank(address.getStreetAddress(),
						String.join(" ", nonBlank(address.getPostalCode(), address.getLocality())), address.getRegion(),
						address.getCountry()));
	}

	private static List<String> nonBlank(String... values) {
		return Arrays.stream(values).filter(v -> !blank(v)).map(String::strip).toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String limit(String value, int max) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() <= max ? stripped : stripped.substring(0, max);
	}

}
