package org.openvrm.intent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.platform.NotFound;
import org.openvrm.reputation.Reputation;
import org.openvrm.reputation.Standing;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offers on intents: a vendor that accepted the intent's terms posts one, revises or
 * withdraws it while the intent is open; the person compares them and asks questions
 * under the intent's pseudonym. The award is {@link Awards}.
 */
@Service
public class Offers {

	static final BigDecimal MAX_PRICE = DraftCheck.MAX_BUDGET;

	static final int MAX_VALID_DAYS = 365;

	static final int MAX_MESSAGE = 2000;

	/** How the person can order the comparison. */
	public enum Order {

		PRICE, FIT, VENDOR, TERMS, REPUTATION;

		public static Order of(String key) {
			try {
				return key == null || key.isBlank() ? FIT : valueOf(key.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("sort", "offer.sort.invalid");
			}
		}

	}

	private final JdbcClient jdbc;

	private final Intents intents;

	private final VendorIntents vendorIntents;

	private final VendorProfiles vendors;

	private final VendorFeed feed;

	private final JsonMapper json;

	private final Clock clock;

	private final Reputation reputation;

	Offers(JdbcClient jdbc, Intents intents, VendorIntents vendorIntents, VendorProfiles vendors, VendorFeed feed,
			JsonMapper json, Clock clock, Reputation reputation) {
		this.reputation = reputation;
		this.jdbc = jdbc;
		this.intents = intents;
		this.vendorIntents = vendorIntents;
		this.vendors = vendors;
		this.feed = feed;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @throws NotFound for an intent never matched to the vendor
	 * @throws Conflict {@code state} (the intent is closed), {@code agreement} (the
	 * vendor has not accepted the intent's terms), {@code offer} (the vendor already has
	 * an open offer: revise it)
	 * @throws InvalidInput {@code price}, {@code currency} (not the intent's),
	 * {@code included}, {@code fit}, {@code conditions}, {@code validUntil}
	 */
	@Transactional
	public Offer post(VendorActor actor, String ref, NewOffer offer) {
		Intent intent = biddable(actor, ref);
		Checked checked = check(intent, offer);
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		// the intent's row is locked (biddable), so this check and the insert are not
		// raced by the same vendor
		if (jdbc.sql("SELECT COUNT(*) FROM offer WHERE open_key = ?")
			.param(openKey(intent.id(), actor.vendorId()))
			.query(Long.class)
			.single() > 0) {
			throw new Conflict("offer", "offer.exists");
		}
		jdbc.sql(
				"""
						INSERT INTO offer (id, intent_id, vendor_id, state, open_key, price, currency, included, fit, conditions,
						valid_until, revision, actor, created_at, updated_at)
						VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
						""")
			.params(id, intent.id(), actor.vendorId(), openKey(intent.id(), actor.vendorId()), checked.price(),
					checked.currency(), checked.included(), json.writeValueAsString(checked.fit()),
					checked.conditions(), checked.validUntil(), actor.type() + ":" + actor.id(), now, now)
			.update();
		return ofVendor(actor.vendorId(), ref, id);
	}

	/**
	 * @throws Conflict {@code offer} when it is no longer open; otherwise as
	 * {@link #post}
	 */
	@Transactional
	public Offer revise(VendorActor actor, String ref, UUID offerId, NewOffer offer) {
		Intent intent = biddable(actor, ref);
		requireOpen(actor.vendorId(), ref, offerId);
		Checked checked = check(intent, offer);
		jdbc.sql("""
				UPDATE offer SET price = ?, currency = ?, included = ?, fit = ?, conditions = ?, valid_until = ?,
				revision = revision + 1, actor = ?, updated_at = ? WHERE id = ?
				""")
			.params(checked.price(), checked.currency(), checked.included(), json.writeValueAsString(checked.fit()),
					checked.conditions(), checked.validUntil(), actor.type() + ":" + actor.id(), now(), offerId)
			.update();
		return ofVendor(actor.vendorId(), ref, offerId);
	}

	/**
	 * @throws Conflict {@code offer} when it is no longer open (already withdrawn, or
	 * decided)
	 */
	@Transactional
	public Offer withdraw(VendorActor actor, String ref, UUID offerId) {
		vendorIntents.told(actor.vendorId(), ref, true);
		requireOpen(actor.vendorId(), ref, offerId);
		jdbc.sql("UPDATE offer SET state = 'WITHDRAWN', open_key = NULL, updated_at = ? WHERE id = ?")
			.params(now(), offerId)
			.update();
		return ofVendor(actor.vendorId(), ref, offerId);
	}

	public List<Offer> ofVendor(UUID vendorId, String ref) {
		Intent intent = vendorIntents.told(vendorId, ref, false);
		return jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.vendor_id = ? ORDER BY o.created_at DESC")
			.params(intent.id(), vendorId)
			.query(this::offer)
			.list();
	}

	public Offer ofVendor(UUID vendorId, String ref, UUID offerId) {
		return ofVendor(vendorId, ref).stream()
			.filter(o -> o.id().equals(offerId))
			.findFirst()
			.orElseThrow(() -> new NotFound("Offer"));
	}

	/**
	 * Every offer the person received on the intent (withdrawn ones left out), in the
	 * chosen order.
	 */
	public List<Comparison> compare(UUID personId, UUID intentId, Order order) {
		Intent intent = intents.require(personId, intentId);
		List<Comparison> rows = new ArrayList<>();
		List<Offer> received = jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.state <> 'WITHDRAWN'")
			.param(intentId)
			.query(this::offer)
			.list();
		// every bidder's standing at once, not one query per row
		Map<UUID, Standing> standings = reputation.of(received.stream().map(Offer::vendorId).toList());
		for (Offer offer : received) {
			VendorProfile vendor = vendors.require(offer.vendorId());
			List<String> terms = vendorIntents.agreement(offer.vendorId(), intentId)
				.map(IntentAgreement::agreements)
				.orElse(List.of());
			rows.add(new Comparison(offer, met(offer, intent.required()), intent.required().size(),
					met(offer, intent.niceToHave()), intent.niceToHave().size(), vendor.isVerified(), terms,
					standings.get(offer.vendorId())));
		}
		rows.sort(order(order));
		return rows;
	}

	/**
	 * How many open offers each of the person's published intents has (intents without
	 * any left out).
	 */
	public Map<UUID, Integer> openCounts(UUID personId) {
		Map<UUID, Integer> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				SELECT o.intent_id, count(*) AS n FROM offer o JOIN intent i ON i.id = o.intent_id
				WHERE i.person_id = ? AND i.state = 'PUBLISHED' AND o.state = 'OPEN' GROUP BY o.intent_id
				""")
			.param(personId)
			.query((rs, n) -> counts.put(rs.getObject("intent_id", UUID.class), rs.getInt("n")))
			.list();
		return counts;
	}

	/** One offer on the person's intent. */
	public Offer ofPerson(UUID personId, UUID intentId, UUID offerId) {
		intents.require(personId, intentId);
		return jdbc.sql(SELECT + " WHERE o.intent_id = ? AND o.id = ?")
			.params(intentId, offerId)
			.query(this::offer)
			.optional()
			.orElseThrow(() -> new NotFound("Offer"));
	}

	/**
	 * The person asks (or answers) on an offer; the vendor gets {@code offer.question}.
	 */
	@Transactional
	public OfferMessage ask(UUID personId, UUID intentId, UUID offerId, String body) {
		Offer offer = ofPerson(personId, intentId, offerId);
		OfferMessage message = write(offerId, "PERSON", body);
		feed.post(offer.vendorId(), "offer.question",
				new OfferQuestionNotice(offer.intentRef(), offerId, message.body()));
		return message;
	}

	/** The vendor answers (or asks) on its own offer. */
	@Transactional
	public OfferMessage answer(VendorActor actor, String ref, UUID offerId, String body) {
		ofVendor(actor.vendorId(), ref, offerId);
		return write(offerId, "VENDOR", body);
	}

	public List<OfferMessage> messages(UUID offerId) {
		return jdbc.sql("SELECT * FROM offer_message WHERE offer_id = ? ORDER BY at, id")
			.param(offerId)
			.query((rs, n) -> new OfferMessage(rs.getObject("id", UUID.class),
					rs.getString("author").toLowerCase(Locale.ROOT), rs.getString("body"), Intents.instant(rs, "at")))
			.list();
	}

	private OfferMessage write(UUID offerId, String author, String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_MESSAGE) {
			throw new InvalidInput("body", "offer.message.invalid");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO offer_message (id, offer_id, author, body, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, offerId, author, text, now())
			.update();
		return messages(offerId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	private static int met(Offer offer, List<Attribute> attributes) {
		Set<String> met = new HashSet<>();
		offer.fit().stream().filter(AttributeFit::met).forEach(f -> met.add(f.key()));
		return (int) attributes.stream().filter(a -> met.contains(a.key())).count();
	}

	private static Comparator<Comparison> order(Order order) {
		Comparator<Comparison> byPrice = Comparator.comparing(c -> c.offer().price());
		Comparator<Comparison> byFit = Comparator.<Comparison>comparingInt(Comparison::requiredMet)
			.thenComparingInt(Comparison::niceMet)
			.reversed();
		return switch (order) {
			case PRICE -> byPrice.thenComparing(byFit);
			case FIT -> byFit.thenComparing(byPrice);
			case VENDOR -> Comparator.comparing(Comparison::vendorVerified)
				.reversed()
				.thenComparing(c -> c.offer().vendorName(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing(byPrice);
			case TERMS -> Comparator.<Comparison>comparingInt(c -> c.terms().size()).reversed().thenComparing(byFit);
			// the Bayesian average (a few ratings cannot outrank many), then respect:
			// fewer complaints first
			case REPUTATION -> Comparator.<Comparison>comparingDouble(c -> c.vendorStanding().bayesian())
				.reversed()
				.thenComparingLong(c -> c.vendorStanding().respect())
				.thenComparing(byFit);
		};
	}

	/** The intent, when the vendor may bid on it now. */
	private Intent biddable(VendorActor actor, String ref) {
		Intent intent = vendorIntents.told(actor.vendorId(), ref, true);
		if (!intent.state().isOpen() || !intent.expiresAt().isAfter(clock.instant())) {
			throw new Conflict("state", "intent.closed");
		}
		if (!intent.takesOffers()) {
			throw new Conflict("state", "intent.shortlisted");
		}
		if (vendorIntents.agreement(actor.vendorId(), intent.id()).isEmpty()) {
			throw new Conflict("agreement", "offer.agreement.missing");
		}
		return intent;
	}

	private void requireOpen(UUID vendorId, String ref, UUID offerId) {
		if (ofVendor(vendorId, ref, offerId).state() != OfferState.OPEN) {
			throw new Conflict("offer", "offer.not-open");
		}
	}

	private record Checked(BigDecimal price, String currency, String included, List<AttributeFit> fit,
			String conditions, LocalDate validUntil) {
	}

	private Checked check(Intent intent, NewOffer offer) {
		if (offer == null || offer.price() == null || offer.price().signum() <= 0
				|| offer.price().compareTo(MAX_PRICE) > 0) {
			throw new InvalidInput("price", "offer.price.invalid");
		}
		String currency = DraftCheck.currency(offer.price(), offer.currency());
		if (!MinorUnit.fits(offer.price(), currency)) {
			throw new InvalidInput("price", "offer.price.invalid");
		}
		if (intent.currency() != null && !intent.currency().equals(currency)) {
			throw new InvalidInput("currency", "offer.currency.mismatch");
		}
		String included = offer.included() == null ? "" : offer.included().strip();
		if (included.isEmpty() || included.length() > 4000) {
			throw new InvalidInput("included", "offer.included.invalid");
		}
		String conditions = offer.conditions() == null || offer.conditions().isBlank() ? null
				: offer.conditions().strip();
		if (conditions != null && conditions.length() > 4000) {
			throw new InvalidInput("conditions", "offer.conditions.invalid");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (offer.validUntil() == null || offer.validUntil().isBefore(today)
				|| offer.validUntil().isAfter(today.plusDays(MAX_VALID_DAYS))) {
			throw new InvalidInput("validUntil", "offer.valid-until.invalid");
		}
		return new Checked(MinorUnit.amount(offer.price(), currency), currency, included, fit(intent, offer.fit()),
				conditions, offer.validUntil());
	}

	private static List<AttributeFit> fit(Intent intent, List<AttributeFit> fit) {
		if (fit == null) {
			return List.of();
		}
		Set<String> keys = new HashSet<>();
		intent.attributes().forEach(a -> keys.add(a.key()));
		List<AttributeFit> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (AttributeFit f : fit) {
			if (f == null || f.key() == null || !keys.contains(f.key().strip()) || !seen.add(f.key().strip())
					|| f.note() != null && f.note().length() > 500) {
				throw new InvalidInput("fit", "offer.fit.invalid");
			}
			checked.add(new AttributeFit(f.key().strip(), f.met(),
					f.note() == null || f.note().isBlank() ? null : f.note().strip()));
		}
		return List.copyOf(checked);
	}

	static String openKey(UUID intentId, UUID vendorId) {
		return intentId + ":" + vendorId;
	}

	private static final String SELECT = """
			SELECT o.*, i.ref, v.name AS vendor_name FROM offer o JOIN intent i ON i.id = o.intent_id
			JOIN vendor v ON v.id = o.vendor_id
			""";

	Offer offer(ResultSet rs, int n) throws SQLException {
		return new Offer(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getObject("vendor_id", UUID.class),
				rs.getString("vendor_name"), OfferState.valueOf(rs.getString("state")),
				MinorUnit.amount(rs.getBigDecimal("price"), rs.getString("currency")), rs.getString("currency"),
				rs.getString("included"), json.readValue(rs.getString("fit"), new TypeReference<List<AttributeFit>>() {
				}), rs.getString("conditions"), rs.getObject("valid_until", LocalDate.class), rs.getInt("revision"),
				Intents.instant(rs, "created_at"), Intents.instant(rs, "updated_at"));
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
