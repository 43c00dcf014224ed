package org.openvrm.platform;

/**
 * The cursor and page size of a vendor's feed (events, matched intents): the cursor is
 * the sequence number of the last entry seen, none for the start.
 */
public final class FeedCursor {

	public static final int MAX_PAGE = 200;

	private FeedCursor() {
	}

	/**
	 * @throws InvalidInput {@code after} when it is not a cursor of a feed
	 */
	public static long after(String after) {
		try {
			return after == null || after.isBlank() ? 0 : Long.parseLong(after.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("after", "feed.after.invalid");
		}
	}

	/**
	 * @throws InvalidInput {@code limit} outside 1–200
	 */
	public static int limit(int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInput("limit", "feed.limit.invalid");
		}
		return limit;
	}

}
