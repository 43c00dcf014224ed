package org.openvrm.market.internal;

import java.util.function.Function;

import org.openvrm.intent.AttributeFit;
import org.openvrm.intent.Intent;
import org.openvrm.intent.Offer;
import org.openvrm.intent.OfferState;
import org.openvrm.terms.Agreement;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor's offer as a Beckn {@code on_search} catalog: the vendor as the provider (its
 * id and name on this hub), the offer as its one item (the price, what is included, and
 * tag groups {@code terms} (the intent's terms, accepted: {@code id@version} with their
 * digest), {@code fit} (each attribute met or not, with the vendor's note) and
 * {@code offer} (its state, validity, conditions and revision)).
 */
final class BecknCatalogs {

	private BecknCatalogs() {
	}

	static String of(BecknContext context, String platform, Intent intent, Offer offer,
			Function<String, Agreement> terms) {
		ObjectNode body = BecknBodies.body(context);
		ObjectNode catalog = body.putObject("message").putObject("catalog");
		catalog.putObject("descriptor").put("name", platform);
		ObjectNode provider = catalog.putArray("providers").addObject().put("id", offer.vendorId().toString());
		provider.putObject("descriptor").put("name", offer.vendorName());
		ObjectNode item = provider.putArray("items").addObject().put("id", offer.id().toString());
		String included = offer.included();
		item.putObject("descriptor")
			.put("name", included.length() > 80 ? included.substring(0, 80) : included)
			.put("long_desc", included);
		item.putObject("price").put("currency", offer.currency()).put("value", offer.price().toPlainString());
		ArrayNode tags = item.putArray("tags");
		ArrayNode accepted = BecknBodies.group(tags, "terms", "Terms the vendor accepted");
		for (String id : intent.terms()) {
			Agreement agreement = terms.apply(id);
			BecknBodies.tag(accepted, agreement.id() + "@" + agreement.version(), "sha256:" + agreement.digest(), true);
		}
		if (!offer.fit().isEmpty()) {
			ArrayNode fit = BecknBodies.group(tags, "fit", "How the offer meets each attribute");
			for (AttributeFit each : offer.fit()) {
				ObjectNode tag = fit.addObject();
				tag.putObject("descriptor").put("code", each.key()).put("name", each.note() == null ? "" : each.note());
				tag.put("value", each.met() ? "met" : "not met");
				tag.put("display", true);
			}
		}
		ArrayNode about = BecknBodies.group(tags, "offer", "The offer");
		BecknBodies.tag(about, "state", offer.state() == OfferState.OPEN ? "open" : "withdrawn", true);
		BecknBodies.tag(about, "valid_until", offer.validUntil().toString(), true);
		if (offer.conditions() != null) {
			BecknBodies.tag(about, "conditions", offer.conditions(), true);
		}
		BecknBodies.tag(about, "revision", Integer.toString(offer.revision()), false);
		return BecknBodies.text(body);
	}

}
