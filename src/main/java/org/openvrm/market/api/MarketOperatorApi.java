package org.openvrm.market.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.market.internal.MarketOverview;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: open market",
		description = "The hub on the open market (Beckn): its identity and its peers' traffic.")
class MarketOperatorApi {

	private final MarketOverview overview;

	MarketOperatorApi(MarketOverview overview) {
		this.overview = overview;
	}

	@GetMapping(path = "/api/v1/operator/market", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The hub on the open market (operators only)",
			description = "Whether the hub takes part, its `subscriberId`, Beckn `endpoint`, `domain`, `keyId` and "
					+ "`publicKey` (what the peers' operators need to trust it), and for each configured peer the "
					+ "messages of the last 24 hours: `received` (accepted, by action) and `sent` (by state: SENT, "
					+ "REFUSED, PENDING, FAILED).")
	MarketOverview.Overview overview() {
		return overview.now();
	}

}
