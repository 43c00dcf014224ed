package org.openvrm.market.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openvrm.intent.OpenDemands;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.TooManyRequests;

import org.springframework.stereotype.Component;

/**
 * The public door for vendors without any integration: the intents whose people chose the
 * open market, while they take offers, as a schema.org {@code DataFeed} of
 * {@code Demand}s (JSON-LD), newest first, paged by an opaque cursor. Served only when
 * the operator opts in ({@code openvrm.market.demand-feed}); each client address has its
 * own allowance. Ids and links are built from the hub's configured address, never from
 * the request, since the document is cached by anyone in between.
 */
@Component
public class DemandFeed {

	public static final String PATH = "/market/demand";

	/** Where {@code next} comes from: Hydra's term, as schema.org has none for paging. */
	static final String HYDRA_NEXT = "http://www.w3.org/ns/hydra/core#next";

	/**
	 * One page: the JSON-LD document and the address of the next page (null on the last).
	 */
	public record Page(Map<String, Object> document, String next) {
	}

	private final boolean served;

	private final DemandFeedRates rates;

	private final OpenDemands demands;

	private final String base;

	private final String hub;

	DemandFeed(MarketProperties properties, DemandFeedRates rates, OpenDemands demands, PlatformProperties platform,
			HubSubscriber subscriber) {
		this.served = properties.demandFeed();
		this.rates = rates;
		this.demands = demands;
		this.base = platform.baseUrl();
		this.hub = subscriber.subscriberId();
	}

	/**
	 * @throws NotFound when the operator has not opened the feed
	 * @throws TooManyRequests when the client address used up its allowance
	 * @throws InvalidInput {@code after} (not a cursor of this feed) or {@code limit}
	 * (outside 1–100)
	 */
	public Page page(String client, String after, int limit) {
		if (!served) {
			throw new NotFound("Demand feed");
		}
		Duration wait = rates.waitFor(client);
		if (!wait.isZero()) {
			throw new TooManyRequests("Too many requests for the demand feed from this address.", wait);
		}
		OpenDemands.Page page = demands.page(after, limit, base);
		String next = page.next() == null ? null : address(page.next(), limit);
		return new Page(document(address(after, limit), page.demands(), next), next);
	}

	/** The {@code DataFeed} of one page. */
	Map<String, Object> document(String self, List<Map<String, Object>> items, String next) {
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("@context", List.of("https://schema.org", Map.of("next", Map.of("@id", HYDRA_NEXT, "@type", "@id"))));
		feed.put("@type", "DataFeed");
		feed.put("@id", self);
		feed.put("name", "Open demand at " + hub);
		feed.put("description",
				"What people want to buy, published to the open market and taking offers, newest "
						+ "first. Vendors bid by signing up at " + base
						+ "/vendor/signup and subscribing to the categories " + "and regions they serve.");
		feed.put("url", base + PATH);
		feed.put("dataFeedElement", items);
		if (next != null) {
			feed.put("next", next);
		}
		return feed;
	}

	private String address(String after, int limit) {
		if (after == null || after.isBlank()) {
			return base + PATH + "?limit=" + limit;
		}
		return base + PATH + "?after=" + after.strip() + "&limit=" + limit;
	}

}
