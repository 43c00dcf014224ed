package org.openvrm.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openvrm.consent.DataRequest;
import org.openvrm.consent.DataRequests;
import org.openvrm.intent.Comparison;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentState;
import org.openvrm.intent.OfferState;
import org.openvrm.intent.Intents;
import org.openvrm.intent.Offers;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.WaitingIntroduction;
import org.openvrm.platform.InvalidInput;
import org.openvrm.policy.internal.DismissalRepository;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.DeclinedTerms;
import org.openvrm.vault.Contract;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one list of what needs the person: everything pending across the hub, gathered when
 * asked (so an item is gone as soon as it is decided, by the person or by a policy).
 * Contracts are read from the vault, so they are on the list only while it is open.
 */
@Service
public class Decisions {

	/** How close an intent's expiry must be to need the person. */
	static final Duration EXPIRING = Duration.ofDays(3);

	/** How many offers the list shows of an intent. */
	static final int BEST = 3;

	/** Items that can be put aside. */
	static final Set<String> DISMISSABLE = Set.of("contract", "terms-declined", "intent-expiring");

	private final DataRequests requests;

	private final Intents intents;

	private final Offers offers;

	private final Introductions introductions;

	private final Agreements agreements;

	private final Contracts contracts;

	private final SealedInbox sealed;

	private final VendorProfiles vendors;

	private final DismissalRepository dismissals;

	private final PolicyLog policyLog;

	private final Clock clock;

	Decisions(DataRequests requests, Intents intents, Offers offers, Introductions introductions, Agreements agreements,
			Contracts contracts, SealedInbox sealed, VendorProfiles vendors, DismissalRepository dismissals,
			PolicyLog policyLog, Clock clock) {
		this.requests = requests;
		this.intents = intents;
		this.offers = offers;
		this.introductions = introductions;
		this.agreements = agreements;
		this.contracts = contracts;
		this.sealed = sealed;
		this.vendors = vendors;
		this.dismissals = dismissals;
		this.policyLog = policyLog;
		this.clock = clock;
	}

	/**
	 * Everything pending, oldest first within each kind, the most pressing kinds first.
	 */
	public List<Decision> of(UUID person, Optional<Vault> vault) {
		return of(person, vault, true);
	}

	/** How many there are, as the navigation shows it (without comparing offers). */
	public int count(UUID person, Optional<Vault> vault) {
		return of(person, vault, false).size();
	}

	private List<Decision> of(UUID person, Optional<Vault> vault, boolean detailed) {
		Set<String> dismissed = dismissals.items(person);
		List<Decision> list = new ArrayList<>();
		requests.ofPerson(person, true)
			.stream()
			.sorted(Comparator.comparing(DataRequest::createdAt))
			.forEach(r -> list.add(request(r)));
		List<Intent> mine = intents.list(person);
		Map<UUID, Integer> open = offers.openCounts(person);
		Instant soon = clock.instant().plus(EXPIRING);
		for (Intent intent : mine) {
			if (open.containsKey(intent.id())) {
				list.add(offers(person, intent, open.get(intent.id()), detailed));
			}
			else if (intent.state() == IntentState.PUBLISHED && intent.expiresAt().isBefore(soon)) {
				list.add(expiring(intent));
			}
		}
		Set<String> drafted = policyLog.drafted(person);
		mine.stream()
			.filter(i -> i.state() == IntentState.DRAFT && drafted.contains(i.id().toString()))
			.forEach(i -> list.add(draft(i)));
		vault.ifPresent(v -> contracts(v, mine).forEach(list::add));
		introductions.waiting(person).forEach(i -> list.add(introduction(i)));
		agreements.declinedIn(person).forEach(d -> list.add(declined(d)));
		long waiting = sealed.count(person);
		if (waiting > 0) {
			list.add(new Decision("documents", "documents:waiting", null, null, null, Map.of("count", waiting),
					List.of()));
		}
		return list.stream().filter(d -> !dismissed.contains(d.item())).toList();
	}

	/**
	 * Puts an item aside until it changes (a contract, declined terms, an intent about to
	 * expire).
	 * @throws InvalidInput {@code item} when it is not one of those, or not on the
	 * person's list
	 */
	@Transactional
	public void dismiss(UUID person, Optional<Vault> vault, String item) {
		String type = item == null || item.indexOf(':') < 0 ? "" : item.substring(0, item.indexOf(':'));
		if (!DISMISSABLE.contains(type) || of(person, vault, false).stream().noneMatch(d -> d.item().equals(item))) {
			throw new InvalidInput("item", "decision.dismiss.invalid");
		}
		dismissals.insert(person, item, clock.instant());
	}

	private Decision request(DataRequest r) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("purpose", r.purpose().key());
		facts.put("fields", r.fields());
		facts.put("durationDays", r.durationDays());
		facts.put("reason", r.reason());
		facts.put("expiresAt", r.expiresAt());
		String base = "/api/v1/me/data-requests/" + r.id();
		return new Decision("data-request", "data-request:" + r.id(), r.id(), r.vendorName(), r.createdAt(), facts,
				List.of(new Decision.Choice("approve", "POST", base + "/approve"),
						new Decision.Choice("decline", "POST", base + "/decline")));
	}

	private Decision offers(UUID person, Intent intent, int count, boolean detailed) {
		String base = "/api/v1/me/intents/" + intent.id();
		List<Map<String, Object>> best = new ArrayList<>();
		List<Decision.Choice> choices = new ArrayList<>();
		choices.add(new Decision.Choice("compare", "GET", base + "/offers?sort=fit"));
		(detailed ? offers.compare(person, intent.id(), Offers.Order.FIT) : List.<Comparison>of()).stream()
			.filter(c -> c.offer().state() == OfferState.OPEN)
			.limit(BEST)
			.forEach(c -> {
				best.add(best(c));
				choices.add(new Decision.Choice("accept", "POST", base + "/offers/" + c.offer().id() + "/accept"));
			});
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("offers", count);
		facts.put("shortlisted", intent.offersClosedAt() != null);
		facts.put("expiresAt", intent.expiresAt());
		facts.put("best", best);
		return new Decision("offers", "offers:" + intent.id(), intent.id(), intent.title(), intent.publishedAt(), facts,
				choices);
	}

	private static Map<String, Object> best(Comparison c) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("offerId", c.offer().id());
		offer.put("vendor", c.offer().vendorName());
		offer.put("price", c.offer().price());
		offer.put("currency", c.offer().currency());
		offer.put("requiredMet", c.requiredMet());
		offer.put("requiredTotal", c.requiredTotal());
		offer.put("niceMet", c.niceMet());
		offer.put("niceTotal", c.niceTotal());
		return offer;
	}

	private Decision expiring(Intent intent) {
		String base = "/api/v1/me/intents/" + intent.id();
		return new Decision("intent-expiring", "intent-expiring:" + intent.id(), intent.id(), intent.title(),
				intent.publishedAt(), Map.of("expiresAt", intent.expiresAt()),
				List.of(new Decision.Choice("edit", "PUT", base),
						new Decision.Choice("withdraw", "POST", base + "/withdraw"),
						dismiss("intent-expiring:" + intent.id())));
	}

	private Decision draft(Intent intent) {
		String base = "/api/v1/me/intents/" + intent.id();
		return new Decision("intent-draft", "intent-draft:" + intent.id(), intent.id(), intent.title(),
				intent.createdAt(), Map.of("category", intent.category(), "expiresAt", intent.expiresAt()),
				List.of(new Decision.Choice("publish", "POST", base + "/publish"),
						new Decision.Choice("withdraw", "POST", base + "/withdraw")));
	}

	private List<Decision> contracts(Vault vault, List<Intent> mine) {
		Set<String> asked = mine.stream().map(Intent::source).filter(s -> s != null).collect(Collectors.toSet());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return contracts.nearDeadline(vault)
			.stream()
			.filter(c -> !asked.contains("contract:" + c.id()) && !c.noticeDeadline().isBefore(today))
			.map(c -> new Decision("contract", "contract:" + c.id(), c.id(),
					c.title().isEmpty() ? c.counterparty() : c.title(), null, contractFacts(c),
					List.of(new Decision.Choice("ask-market", "POST", "/api/v1/me/contracts/" + c.id() + "/intent"),
							dismiss("contract:" + c.id()))))
			.toList();
	}

	private static Map<String, Object> contractFacts(Contract c) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("counterparty", c.counterparty());
		facts.put("noticeDeadline", c.noticeDeadline());
		facts.put("category", c.category());
		return facts;
	}

	private Decision introduction(WaitingIntroduction i) {
		String base = "/api/v1/me/introductions/" + i.id();
		return new Decision("introduction", "introduction:" + i.id(), i.id(), i.vendorName(), i.sentAt(),
				Map.of("category", i.category(), "vendorVerified", i.vendorVerified()),
				List.of(new Decision.Choice("accept", "POST", base + "/accept"),
						new Decision.Choice("ignore", "POST", base + "/ignore")));
	}

	private Decision declined(DeclinedTerms d) {
		return new Decision("terms-declined", "terms-declined:" + d.recordId(), d.relationshipId(),
				vendors.nameOf(d.vendorId()), d.decidedAt(), Map.of("agreement", d.agreementId()),
				List.of(new Decision.Choice("end-relationship", "POST",
						"/api/v1/me/relationships/" + d.relationshipId() + "/end"),
						dismiss("terms-declined:" + d.recordId())));
	}

	private static Decision.Choice dismiss(String item) {
		return new Decision.Choice("dismiss", "POST", "/api/v1/me/decisions/" + item + "/dismiss");
	}

}
