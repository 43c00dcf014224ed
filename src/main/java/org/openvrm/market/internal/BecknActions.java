package org.openvrm.market.internal;

import java.util.Set;

/** The actions of Beckn core 1.1.0's transaction API. */
final class BecknActions {

	static final Set<String> REQUESTS = Set.of("search", "select", "init", "confirm", "status", "track", "cancel",
			"update", "rating", "support");

	static final Set<String> CALLBACKS = Set.of("on_search", "on_select", "on_init", "on_confirm", "on_status",
			"on_track", "on_cancel", "on_update", "on_rating", "on_support");

	private BecknActions() {
	}

	static boolean isCore(String action) {
		return REQUESTS.contains(action) || CALLBACKS.contains(action);
	}

}
