package org.openvrm.vault;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.NotFound;
import org.openvrm.vault.internal.KeyringRepository;
import org.openvrm.vault.internal.Keyrings;
import org.openvrm.vault.internal.SealedItemRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where things arrive while the person is signed out. Sealing needs only the person's
 * public key (HPKE, RFC 9180); opening needs their private key, so only the person,
 * signed in, can read what arrived. Vendor pushes and messages deliver through here.
 */
@Service
public class SealedInbox {

	private final SealedItemRepository repository;

	private final KeyringRepository keyrings;

	private final Keyrings crypto;

	private final JsonMapper json;

	private final Clock clock;

	SealedInbox(SealedItemRepository repository, KeyringRepository keyrings, Keyrings crypto, JsonMapper json,
			Clock clock) {
		this.repository = repository;
		this.keyrings = keyrings;
		this.crypto = crypto;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What is sealed; items from before pushes have no file name, type, category or
	 * vendor.
	 */
	record Envelope(String kind, String title, byte[] content, String fileName, String contentType,
			DocumentCategory category, UUID vendorId, String vendorName) {

		Arrival arrival() {
			return new Arrival(kind, title, category, fileName, contentType, content, vendorId, vendorName);
		}
	}

	/** Seals an item to the person; works whether or not they are signed in. */
	@Transactional
	public UUID seal(UUID person, String kind, String title, byte[] content) {
		return seal(person, new Envelope(kind, title, content, null, null, null, null, null));
	}

	/**
	 * Seals what a vendor pushed; the vault files it at the person's next sign-in
	 * ({@link Arrivals}).
	 */
	@Transactional
	public UUID seal(UUID person, Arrival arrival) {
		return seal(person, new Envelope(arrival.kind(), arrival.title(), arrival.content(), arrival.fileName(),
				arrival.contentType(), arrival.category(), arrival.vendorId(), arrival.vendorName()));
	}

	private UUID seal(UUID person, Envelope envelope) {
		String publicKeyset = keyrings.publicKeyset(person).orElseThrow(() -> new NotFound("Vault"));
		UUID id = UUID.randomUUID();
		try {
			byte[] sealed = crypto.sealerFor(publicKeyset)
				.encrypt(json.writeValueAsBytes(envelope), Vault.binding(person, SealedItemRepository.binding(id)));
			repository.insert(id, person, sealed, clock.instant());
			return id;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing failed", ex);
		}
	}

	/**
	 * Seals content to the person for another module to keep (an offer's attachment):
	 * only the person, signed in, can open it again with
	 * {@link #open(Vault, byte[], String)}.
	 * @param boundTo what the content belongs to; opening must name the same
	 */
	public byte[] sealTo(UUID person, byte[] content, String boundTo) {
		String publicKeyset = keyrings.publicKeyset(person).orElseThrow(() -> new NotFound("Vault"));
		try {
			return crypto.sealerFor(publicKeyset).encrypt(content, Vault.binding(person, boundTo));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing failed", ex);
		}
	}

	/** Opens what {@link #sealTo} sealed to the vault's owner. */
	public byte[] open(Vault vault, byte[] sealed, String boundTo) {
		return vault.openSealed(sealed, boundTo);
	}

	/**
	 * Opens everything that arrived for the vault's owner (and is not yet filed), newest
	 * first.
	 */
	public List<SealedItem> open(Vault vault) {
		return opened(vault).stream()
			.map(item -> new SealedItem(item.id(), item.receivedAt(), item.envelope().kind(), item.envelope().title(),
					item.envelope().content()))
			.toList();
	}

	record Opened(UUID id, Instant receivedAt, Envelope envelope) {
	}

	List<Opened> opened(Vault vault) {
		return repository.list(vault.owner())
			.stream()
			.map(row -> new Opened(row.id(), row.receivedAt(),
					json.readValue(vault.openSealed(row.sealed(), SealedItemRepository.binding(row.id())),
							Envelope.class)))
			.toList();
	}

	/** Removes an item once it has been filed elsewhere in the vault. */
	void remove(Vault vault, UUID id) {
		repository.delete(id, vault.owner());
	}

	public long count(UUID person) {
		return repository.count(person);
	}

}
