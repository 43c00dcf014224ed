package org.openvrm.intent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openvrm.intent.internal.IntentRepository;
import org.openvrm.platform.InvalidInput;

import org.springframework.stereotype.Service;

/**
 * The intents anyone may see: those whose person chose the open market, while they take
 * offers, as schema.org {@code Demand}s under their random references (nothing that names
 * or links the person, no pseudonym, no disclosure plan). Paged newest first by an opaque
 * cursor that names a place in that order, so a page is the same whatever is published
 * meanwhile.
 */
@Service
public class OpenDemands {

	/** The most a page holds. */
	public static final int MAX_PAGE = 100;

	/**
	 * One page: the {@code Demand}s (without {@code @context}) and the cursor of the next
	 * page, null on the last.
	 */
	public record Page(List<Map<String, Object>> demands, String next) {
	}

	private record Place(Instant publishedAt, String ref) {
	}

	private final IntentRepository repository;

	private final Clock clock;

	OpenDemands(IntentRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * At most {@code limit} open-market intents that take offers, newest publication
	 * first, after the cursor; {@code base} is the hub's address for the ids and links.
	 * @throws InvalidInput {@code after} (not a cursor of this feed) or {@code limit}
	 * (outside 1–100)
	 */
	public Page page(String after, int limit, String base) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInput("limit", "demand.limit.invalid");
		}
		Place from = after == null || after.isBlank() ? null : place(after.strip());
		List<Intent> intents = repository.onOpenMarket(from == null ? null : from.publishedAt(),
				from == null ? null : from.ref(), clock.instant(), limit + 1);
		List<Intent> shown = intents.subList(0, Math.min(limit, intents.size()));
		String next = intents.size() > limit ? cursor(shown.get(shown.size() - 1)) : null;
		return new Page(shown.stream().map(i -> PublishedIntent.demandNode(i, base)).toList(), next);
	}

	private static String cursor(Intent intent) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((intent.publishedAt() + " " + intent.ref()).getBytes(StandardCharsets.UTF_8));
	}

	private static Place place(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ");
			if (parts.length != 2 || !parts[1].matches("int_[A-Za-z0-9]{1,40}")) {
				throw new IllegalArgumentException("not a cursor");
			}
			return new Place(Instant.parse(parts[0]), parts[1]);
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new InvalidInput("after", "feed.after.invalid");
		}
	}

}
