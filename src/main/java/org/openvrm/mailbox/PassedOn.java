package org.openvrm.mailbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.Aliases.Admission;
import org.openvrm.mailbox.VendorDomain.Source;
import org.openvrm.mailbox.internal.PassedOnRepository;
import org.openvrm.mailbox.internal.PassedOnRepository.Leak;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MailDomains;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who passed my address on?": mail to a vendor's address from a domain that is not the
 * vendor's is flagged on the address, with the sender's domain, so that the person can
 * close it. The vendor's domains are its profile's (the website's and the mail domains it
 * declares), else the one recorded for the relationship: the website the person recorded
 * for a vendor off the hub, else the first sender's ("first use"), which the person sees
 * and can correct. Domains are compared by organization (Public Suffix List), and mail
 * matches when either its header {@code From:} or its envelope sender does.
 */
@Service
public class PassedOn {

	private final PassedOnRepository repository;

	private final VendorProfiles vendors;

	private final Relationships relationships;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PassedOn(PassedOnRepository repository, VendorProfiles vendors, Relationships relationships, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.vendors = vendors;
		this.relationships = relationships;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Where a relationship's mail is expected from: the hub vendor's profile, else what
	 * is recorded for the relationship (null when nothing is yet).
	 */
	public record Expected(List<String> fromProfile, VendorDomain recorded) {

		public List<String> domains() {
			if (!fromProfile.isEmpty()) {
				return fromProfile;
			}
			return recorded == null ? List.of() : List.of(recorded.domain());
		}

	}

	/** Looks at the senders of a message delivered to an address, in its transaction. */
	void look(Admission to, String envelopeSender, String headerFrom) {
		String header = MailDomains.ofAddress(headerFrom);
		String envelope = MailDomains.ofAddress(envelopeSender);
		// What the person sees is the header; a bounce (empty envelope sender) has only
		// that.
		String seen = MailDomains.organizational(header != null ? header : envelope);
		if (seen == null) {
			return;
		}
		List<String> expected = expected(to.vendorId(), to.relationshipId()).domains();
		if (expected.isEmpty()) {
			if (repository.expectIfNone(to.relationshipId(), seen, Source.FIRST_USE, clock.instant())) {
				events.publishEvent(new VendorDomainSet(to.personId(), to.relationshipId(), seen, Source.FIRST_USE));
				return;
			}
			// another message was first by a hair: compare with what it recorded
			expected = expected(to.vendorId(), to.relationshipId()).domains();
		}
		if (MailDomains.matches(header, expected) || MailDomains.matches(envelope, expected)) {
			return;
		}
		if (repository.count(to.aliasId(), seen, clock.instant())) {
			events.publishEvent(new AddressPassedOn(to.personId(), to.relationshipId(), to.aliasId(), seen));
		}
	}

	/** Where the relationship's mail is expected from. */
	public Expected expected(UUID vendorId, UUID relationshipId) {
		List<String> fromProfile = new ArrayList<>();
		Optional<VendorProfile> vendor = vendorId == null ? Optional.empty() : vendors.find(vendorId);
		vendor.map(VendorProfile::website).map(MailDomains::ofWebsite).ifPresent(fromProfile::add);
		vendor.ifPresent(profile -> fromProfile.addAll(profile.mailDomains()));
		return new Expected(List.copyOf(fromProfile), repository.vendorDomain(relationshipId).orElse(null));
	}

	/**
	 * A new address of a vendor off the hub: the website the person recorded (read while
	 * the vault is open) says where its mail comes from, unless something is recorded.
	 */
	void expectWebsite(UUID personId, Relationship relationship) {
		String domain = MailDomains.organizational(MailDomains.ofWebsite(relationship.website()));
		if (relationship.isOffHub() && domain != null
				&& repository.expectIfNone(relationship.id(), domain, Source.WEBSITE, clock.instant())) {
			events.publishEvent(new VendorDomainSet(personId, relationship.id(), domain, Source.WEBSITE));
		}
	}

	/**
	 * The person says where the vendor's mail comes from; blank forgets it (the next
	 * sender's is taken).
	 * @throws InvalidInput {@code domain} when it is not a domain name
	 * @throws Conflict {@code domain} for a hub vendor whose profile names its domains;
	 * another person's relationship is not found, as one that does not exist
	 */
	@Transactional
	public void correct(Vault vault, UUID relationshipId, String domain) {
		Relationship relationship = relationships.get(vault, relationshipId);
		if (!expected(relationship.vendorId(), relationshipId).fromProfile().isEmpty()) {
			throw new Conflict("domain", "mail.vendor-domain.from-profile");
		}
		String given = domain == null || domain.isBlank() ? null
				: MailDomains.organizational(MailDomains.normalized(domain));
		if (domain != null && !domain.isBlank() && given == null) {
			throw new InvalidInput("domain", "mail.vendor-domain.invalid");
		}
		repository.expect(relationshipId, given, Source.PERSON, clock.instant());
		events.publishEvent(new VendorDomainSet(vault.owner(), relationshipId, given, Source.PERSON));
	}

	/** The flags on these addresses, by address. */
	Map<UUID, List<PassedOnFlag>> flags(List<UUID> aliasIds) {
		Map<UUID, List<PassedOnFlag>> flags = new LinkedHashMap<>();
		for (Leak leak : repository.leaks(aliasIds)) {
			flags.computeIfAbsent(leak.aliasId(), id -> new ArrayList<>()).add(leak.flag());
		}
		return flags;
	}

}
