package org.openvrm.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.internal.ConsentProperties;
import org.openvrm.consent.internal.ReceiptRepository;
import org.openvrm.consent.internal.ReceiptRepository.Owner;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Consent receipts: one for every grant given, changed, withdrawn, expired or ended,
 * signed by the hub, kept for the person and for the vendor. The payload carries the
 * Kantara Initiative Consent Receipt v1.1 fields at the top level and the same facts in
 * the ISO/IEC TS 27560 consent record structure under {@code iso27560} (docs/sharing.md
 * maps one to the other). It names the person only by the relationship's pseudonym, and
 * lists field names, never values.
 */
@Service
public class Receipts {

	static final String TYPE = "consent-receipt";

	/**
	 * What happened to the consent; the ISO/IEC TS 27560 event type is the lower-case
	 * name.
	 */
	enum Event {

		GIVEN, MODIFIED, WITHDRAWN, EXPIRED, TERMINATED;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Event of(GrantChanged.Change change) {
			return switch (change) {
				case GIVEN -> GIVEN;
				case CHANGED -> MODIFIED;
				case REVOKED -> WITHDRAWN;
				case EXPIRED -> EXPIRED;
				case ENDED -> TERMINATED;
			};
		}

	}

	private final ReceiptRepository repository;

	private final HubKeys keys;

	private final VendorProfiles vendors;

	private final Clock clock;

	private final String baseUrl;

	private final String jurisdiction;

	Receipts(ReceiptRepository repository, HubKeys keys, VendorProfiles vendors, Clock clock,
			PlatformProperties platform, ConsentProperties properties) {
		this.repository = repository;
		this.keys = keys;
		this.vendors = vendors;
		this.clock = clock;
		this.baseUrl = platform.baseUrl();
		this.jurisdiction = properties.consent().jurisdiction();
	}

	/**
	 * Issues the receipt of a change to a grant, in its transaction. It runs first, so
	 * that the receipt exists before the vendor is told of the change.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(GrantChanged changed) {
		issue(changed.grant(), Event.of(changed.change()));
	}

	Receipt issue(Grant grant, Event event) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String signed = keys.sign(claims(id, grant, event, now));
		repository.insert(id, grant.id(), event.key(), signed, now);
		return new Receipt(id, grant.id(), event.key(), now, signed);
	}

	/** The person's receipts, newest first; {@code grantId} null for all. */
	public List<Receipt> ofPerson(UUID personId, UUID grantId) {
		return repository.list(Owner.PERSON, personId, grantId);
	}

	/**
	 * @throws NotFound for someone else's receipt
	 */
	public Receipt forPerson(UUID personId, UUID id) {
		return repository.find(Owner.PERSON, personId, id).orElseThrow(() -> new NotFound("Receipt"));
	}

	/** The vendor's copies, newest first. */
	public List<Receipt> ofVendor(UUID vendorId) {
		return repository.list(Owner.VENDOR, vendorId, null);
	}

	/**
	 * @throws NotFound for another vendor's receipt
	 */
	public Receipt forVendor(UUID vendorId, UUID id) {
		return repository.find(Owner.VENDOR, vendorId, id).orElseThrow(() -> new NotFound("Receipt"));
	}

	/**
	 * The payload of a receipt this hub signed, if it is genuine and unchanged; empty for
	 * anything else.
	 */
	public Optional<Map<String, Object>> verify(String signed) {
		return keys.verify(signed).filter(v -> TYPE.equals(v.claims().get("typ"))).map(HubKeys.Verified::claims);
	}

	private Map<String, Object> claims(UUID id, Grant grant, Event event, Instant now) {
		VendorProfile vendor = vendors.require(grant.vendorId());
		String policyUrl = baseUrl + "/api/v1/terms/" + grant.agreementId();
		List<String> piiCategories = new ArrayList<>(grant.fields());
		grant.documents().forEach(document -> piiCategories.add("document:" + document));
		String termination = grant.validUntil() == null ? "When the person revokes the grant on the OpenVRM hub"
				: "On " + grant.validUntil() + ", or earlier when the person revokes the grant on the OpenVRM hub";
		String collectionMethod = grant.requestId() == null ? "Granted by the person on the OpenVRM hub"
				: "Granted by the person on the OpenVRM hub, answering the vendor's data request " + grant.requestId();

		Map<String, Object> controller = new LinkedHashMap<>();
		controller.put("piiController", vendor.name());
		controller.put("onBehalf", false);
		controller.put("contact", vendor.contact() == null ? vendor.name() : vendor.contact());
		controller.put("address", "");
		controller.put("email", vendor.contact() != null && vendor.contact().contains("@") ? vendor.contact() : "");
		controller.put("phone", "");
		controller.put("piiControllerUrl", vendor.website() == null ? "" : vendor.website());

		Map<String, Object> purpose = new LinkedHashMap<>();
		purpose.put("purpose", grant.purpose().key());
		purpose.put("purposeCategory", List.of(grant.purpose().dpv()));
		purpose.put("consentType", "EXPLICIT");
		purpose.put("piiCategory", piiCategories);
		purpose.put("primaryPurpose", true);
		purpose.put("termination", termination);
		purpose.put("thirdPartyDisclosure", false);
		purpose.put("thirdPartyName", "");

		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("typ", TYPE);
		claims.put("jti", id.toString());
		claims.put("iss", baseUrl);
		claims.put("iat", now.getEpochSecond());
		// Kantara Initiative Consent Receipt Specification v1.1
		claims.put("version", "KI-CR-v1.1.0");
		claims.put("jurisdiction", jurisdiction);
		claims.put("consentTimestamp", now.getEpochSecond());
		claims.put("collectionMethod", collectionMethod);
		claims.put("consentReceiptID", id.toString());
		claims.put("language", "en");
		claims.put("piiPrincipalId", grant.customerRef());
		claims.put("piiControllers", List.of(controller));
		claims.put("policyUrl", policyUrl);
		claims.put("services", List
			.of(Map.of("service", "Relationship with " + vendor.name() + " on OpenVRM", "purposes", List.of(purpose))));
		claims.put("sensitive", false);
		claims.put("spiCat", List.of());
		// What the hub adds: the grant and what happened to it.
		claims.put("grant", grant.id().toString());
		claims.put("event", event.key());
		claims.put("iso27560", iso27560(id, grant, event, now, vendor, policyUrl, piiCategories, collectionMethod));
		return claims;
	}

	/**
	 * The same facts in the ISO/IEC TS 27560:2023 consent record information structure.
	 */
	private Map<String, Object> iso27560(UUID id, Grant grant, Event event, Instant now, VendorProfile vendor,
			String policyUrl, List<String> piiCategories, String collectionMethod) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("schemaVersion", "ISO/IEC TS 27560:2023");
		record.put("recordId", id.toString());
		record.put("consentId", grant.id().toString());
		record.put("piiPrincipalId", grant.customerRef());
		record.put("piiControllers",
				List.of(Map.of("name", vendor.name(), "url", vendor.website() == null ? "" : vendor.website())));
		record.put("notice", Map.of("agreement", grant.agreementId(), "url", policyUrl, "language", "en"));
		record.put("purposes",
				List.of(Map.of("purpose", grant.purpose().key(), "purposeCategory", grant.purpose().dpv(),
						"lawfulBasis", "dpv:Consent", "piiCategories", piiCategories, "thirdPartyDisclosure", false)));
		record.put("consentType", "explicit");
		record.put("collectionMethod", collectionMethod);
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("eventType", event.key());
		change.put("eventTime", now.toString());
		change.put("eventBy", event == Event.GIVEN || event == Event.MODIFIED || event == Event.WITHDRAWN
				? "pii-principal" : "system");
		change.put("validUntil", grant.validUntil() == null ? null : grant.validUntil().toString());
		record.put("event", List.of(change));
		record.put("consentState", switch (event) {
			case GIVEN, MODIFIED -> "active";
			case WITHDRAWN -> "withdrawn";
			case EXPIRED -> "expired";
			case TERMINATED -> "terminated";
		});
		return record;
	}

}
