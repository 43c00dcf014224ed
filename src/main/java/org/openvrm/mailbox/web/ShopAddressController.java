package org.openvrm.mailbox.web;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.ShopAddresses;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor list's "a new address for a shop": records the shop and shows its new
 * address on the shop's page, ready to copy.
 */
@Controller
class ShopAddressController {

	private static final String CREATED = "mail.alias.created";

	private final ShopAddresses shops;

	private final SessionVaults vaults;

	ShopAddressController(ShopAddresses shops, SessionVaults vaults) {
		this.shops = shops;
		this.vaults = vaults;
	}

	@PostMapping("/me/vendors/new-address")
	String create(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) String name, @RequestParam(required = false) String website,
			RedirectAttributes redirect) {
		try {
			String next = "redirect:/me/vendors/"
					+ shops.create(vaults.require(me, session), name, website).relationshipId() + "#aliases";
			redirect.addFlashAttribute("done", CREATED);
			return next;
		}
		catch (InvalidInput refused) {
			// Its own names, so that the list's other form does not show the refusal too.
			redirect.addFlashAttribute("shopError", refused.messageKey());
			redirect.addFlashAttribute("shopName", name);
			redirect.addFlashAttribute("shopWebsite", website);
			return "redirect:/me/vendors#shop-address";
		}
	}

}
