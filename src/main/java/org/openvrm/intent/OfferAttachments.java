package org.openvrm.intent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.internal.OfferRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a vendor attaches to its open offer (a brochure, floor plan, photos). Each is
 * sealed to the person as it arrives, like everything that reaches a person while they
 * may be away (DESIGN §5): the hub keeps its name, type and size, and only the person,
 * signed in, can open it.
 */
@Service
public class OfferAttachments {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_PER_OFFER = 5;

	static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

	private final OfferRepository repository;

	private final Offers offers;

	private final Intents intents;

	private final SealedInbox inbox;

	private final Clock clock;

	OfferAttachments(OfferRepository repository, Offers offers, Intents intents, SealedInbox inbox, Clock clock) {
		this.repository = repository;
		this.offers = offers;
		this.intents = intents;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * @throws NotFound for an offer that is not the vendor's
	 * @throws Conflict {@code offer} when it is no longer open, {@code file} past 5 files
	 * @throws TooLarge {@code file} over 5 MB
	 * @throws InvalidInput {@code file} when missing, empty, or not PDF, PNG or JPEG
	 */
	@Transactional
	public OfferAttachment attach(VendorActor actor, String ref, UUID offerId, String fileName, String contentType,
			byte[] content) {
		Offer offer = offers.ofVendor(actor.vendorId(), ref, offerId);
		if (offer.state() != OfferState.OPEN) {
			throw new Conflict("offer", "offer.not-open");
		}
		if (content == null || content.length == 0) {
			throw new InvalidInput("file", "offer.attachment.missing");
		}
		if (content.length > MAX_BYTES) {
			throw new TooLarge("file", "offer.attachment.too-large");
		}
		String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (!TYPES.contains(type)) {
			throw new InvalidInput("file", "offer.attachment.type");
		}
		if (list(offerId).size() >= MAX_PER_OFFER) {
			throw new Conflict("file", "offer.attachment.too-many");
		}
		String name = fileName == null || fileName.isBlank() ? "attachment"
				: fileName.strip().replaceAll("[\\\\/\\r\\n\"]", "_");
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		UUID id = UUID.randomUUID();
		UUID person = intents.byRef(ref, false).orElseThrow(() -> new NotFound("Intent")).personId();
		if (person == null) {
			// an intent from the open market: the person is on another hub, and Beckn
			// carries no files
			throw new Conflict("file", "offer.attachment.elsewhere");
		}
		repository.insertAttachment(id, offerId, name, type, content.length, inbox.sealTo(person, content, binding(id)),
				clock.instant());
		return list(offerId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	public List<OfferAttachment> list(UUID offerId) {
		return repository.attachments(offerId);
	}

	/** The vendor's own list. @throws NotFound for an offer that is not the vendor's */
	public List<OfferAttachment> ofVendor(UUID vendorId, String ref, UUID offerId) {
		return list(offers.ofVendor(vendorId, ref, offerId).id());
	}

	/**
	 * The person's list. @throws NotFound for an offer on an intent that is not the
	 * person's
	 */
	public List<OfferAttachment> ofPerson(UUID personId, UUID intentId, UUID offerId) {
		return list(offers.ofPerson(personId, intentId, offerId).id());
	}

	/** A file and its content, opened with the person's key. */
	public record Opened(OfferAttachment attachment, byte[] content) {
	}

	/**
	 * @throws NotFound for an attachment of an offer on an intent that is not the
	 * person's
	 */
	public Opened open(Vault vault, UUID intentId, UUID offerId, UUID attachmentId) {
		OfferAttachment attachment = ofPerson(vault.owner(), intentId, offerId).stream()
			.filter(a -> a.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new NotFound("Attachment"));
		byte[] sealed = repository.sealed(attachmentId);
		return new Opened(attachment, inbox.open(vault, sealed, binding(attachmentId)));
	}

	private static String binding(UUID attachmentId) {
		return "offer-attachment:" + attachmentId;
	}

}
