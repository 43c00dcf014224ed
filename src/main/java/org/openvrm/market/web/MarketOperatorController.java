package org.openvrm.market.web;

import org.openvrm.market.internal.MarketOverview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's page of the open market. */
@Controller
class MarketOperatorController {

	private final MarketOverview overview;

	MarketOperatorController(MarketOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/operator/market")
	String market(Model model) {
		model.addAttribute("market", overview.now());
		return "operator/market";
	}

}
