package org.openvrm.intent.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.openvrm.account.SignedInAccount;
import org.openvrm.intent.Awards;
import org.openvrm.intent.Comparison;
import org.openvrm.intent.ContractIntents;
import org.openvrm.intent.Intent;
import org.openvrm.intent.Intents;
import org.openvrm.intent.OfferAttachment;
import org.openvrm.intent.OfferAttachments;
import org.openvrm.intent.OfferMessage;
import org.openvrm.intent.Offers;
import org.openvrm.intent.OpenMarket;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.taxonomy.SuggestedAttribute;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.Roster;
import org.openvrm.vault.RecordKind;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's intents: the list, the form (new and edit), and an intent's page with its
 * offers side by side, the questions on each, and the buttons that accept one or decline
 * them all.
 */
@Controller
class IntentsController {

	private final Intents intents;

	private final Offers offers;

	private final Awards awards;

	private final SessionVaults vaults;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final PersonalTerms personalTerms;

	private final ContractIntents contractIntents;

	private final OfferAttachments attachments;

	private final ObjectProvider<OpenMarket> openMarket;

	IntentsController(Intents intents, Offers offers, Awards awards, SessionVaults vaults, Taxonomy taxonomy,
			Roster roster, PersonalTerms personalTerms, ContractIntents contractIntents, OfferAttachments attachments,
			ObjectProvider<OpenMarket> openMarket) {
		this.openMarket = openMarket;
		this.attachments = attachments;
		this.contractIntents = contractIntents;
		this.intents = intents;
		this.offers = offers;
		this.awards = awards;
		this.vaults = vaults;
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.personalTerms = personalTerms;
	}

	@GetMapping("/me/intents")
	String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("intents", intents.list(me.id()));
		return "intent/list";
	}

	@GetMapping("/me/intents/new")
	String newForm(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) UUID contract,
			HttpServletRequest request, Model model) {
		IntentForm form = new IntentForm();
		if (contract != null) {
			var vault = vaults.require(me, request);
			form = IntentForm.of(contractIntents.draft(vault, contract));
			form.setSource("contract:" + contract);
			model.addAttribute("fromContract", contractIntents.contractTitle(vault, contract));
		}
		else {
			form.setTerms(personalTerms.of(me.id()).agreements());
			form.setDisclosure(List.of("email.address"));
		}
		return form(model, form, null);
	}

	@PostMapping("/me/intents")
	String create(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") IntentForm form,
			@RequestParam(defaultValue = "draft") String action, Model model) {
		return FormOutcome.render(model, () -> {
			Intent intent = intents.create(me.id(), form.draft(), "publish".equals(action), form.source());
			return "redirect:/me/intents/" + intent.id();
		}, () -> form(model, form, null));
	}

	/**
	 * The attribute suggestions of the chosen category, swapped into the form when the
	 * category changes.
	 */
	@GetMapping("/me/intents/suggestions")
	String suggestions(@RequestParam(required = false) String category, Model model) {
		model.addAttribute("suggestions", suggestions(category));
		return "intent/form :: suggestions";
	}

	/** The chosen category's words, or every category's while none is chosen. */
	private List<SuggestedAttribute> suggestions(String category) {
		return category == null || category.isBlank() ? taxonomy.allAttributes() : taxonomy.attributes(category);
	}

	@GetMapping("/me/intents/{id}/edit")
	String editForm(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, Model model) {
		Intent intent = intents.require(me.id(), id);
		return form(model, IntentForm.of(intent), intent);
	}

	@PostMapping("/me/intents/{id}")
	String change(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@ModelAttribute("form") IntentForm form, Model model) {
		return FormOutcome.render(model, () -> {
			intents.change(me.id(), id, form.draft());
			return "redirect:/me/intents/" + id;
		}, () -> form(model, form, intents.require(me.id(), id)));
	}

	@GetMapping("/me/intents/{id}")
	String page(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(required = false) String sort, Model model) {
		Intent intent = intents.require(me.id(), id);
		Offers.Order order = Offers.Order.of(sort);
		List<Comparison> rows = offers.compare(me.id(), id, order);
		Map<UUID, List<OfferMessage>> threads = new HashMap<>();
		Map<UUID, List<OfferAttachment>> files = new HashMap<>();
		rows.forEach(row -> {
			threads.put(row.offer().id(), offers.messages(row.offer().id()));
			files.put(row.offer().id(), attachments.list(row.offer().id()));
		});
		model.addAttribute("files", files);
		model.addAttribute("intent", intent);
		model.addAttribute("category", taxonomy.category(intent.category()).orElseThrow());
		model.addAttribute("places",
				intent.regions().stream().flatMap(code -> taxonomy.region(code).stream()).toList());
		model.addAttribute("rows", rows);
		model.addAttribute("threads", threads);
		model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
		return "intent/page";
	}

	@PostMapping("/me/intents/{id}/publish")
	String publish(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.published", page(id), () -> intents.publish(me.id(), id));
	}

	@PostMapping("/me/intents/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.withdrawn", page(id), () -> intents.withdraw(me.id(), id));
	}

	@PostMapping("/me/intents/{id}/shortlist")
	String shortlist(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.shortlisted", page(id),
				() -> intents.shortlist(me.id(), id));
	}

	@PostMapping("/me/intents/{id}/reopen")
	String reopen(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.reopened", page(id), () -> intents.reopen(me.id(), id));
	}

	@PostMapping("/me/intents/{id}/decline-all")
	String declineAll(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.declined", page(id), () -> awards.declineAll(me.id(), id));
	}

	@PostMapping("/me/intents/{id}/offers/{offerId}/accept")
	String accept(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @PathVariable UUID offerId,
			HttpServletRequest request, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.accepted", page(id), () -> {
			Awards.Award award = awards.accept(vaults.require(me, request), id, offerId);
			if (!award.withoutValue().isEmpty()) {
				redirect.addFlashAttribute("withoutValue", String.join(", ", award.withoutValue()));
			}
		});
	}

	@PostMapping("/me/intents/{id}/offers/{offerId}/messages")
	String ask(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @PathVariable UUID offerId,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "intent.done.asked", page(id),
				() -> offers.ask(me.id(), id, offerId, body));
	}

	private static String page(UUID id) {
		return "redirect:/me/intents/" + id;
	}

	private String form(Model model, IntentForm form, Intent editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("categories", taxonomy.categories());
		model.addAttribute("regions", taxonomy.regions());
		model.addAttribute("suggestions", suggestions(form.getCategory()));
		model.addAttribute("agreements", roster.all());
		model.addAttribute("fields", disclosable());
		model.addAttribute("marketOpen", openMarket.getIfAvailable(() -> () -> false).isOpen());
		return "intent/form";
	}

	/** The fields a disclosure plan can name, as the consent module keys them. */
	private static List<String> disclosable() {
		return Arrays.stream(RecordKind.values())
			.filter(kind -> kind != RecordKind.CUSTOM)
			.flatMap(kind -> kind.fields().stream().filter(f -> !f.equals("label")).map(kind::fieldKey))
			.toList();
	}

}
