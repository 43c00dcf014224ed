package org.openvrm.intent.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.intent.AttributeCondition;
import org.openvrm.intent.AttributeFit;
import org.openvrm.intent.NewOffer;
import org.openvrm.intent.NewSubscription;
import org.openvrm.intent.OfferAttachments;
import org.openvrm.intent.Offer;
import org.openvrm.intent.OfferState;
import org.openvrm.intent.Offers;
import org.openvrm.intent.PublishedIntent;
import org.openvrm.intent.Subscriptions;
import org.openvrm.intent.VendorIntents;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.taxonomy.SuggestedAttribute;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's intents: the open intents matched to the vendor, one intent with
 * the vendor's agreement and offer (and its questions), and the subscriptions that decide
 * what is matched. The small vendor answers intents here; larger ones use the same calls
 * through the API.
 */
@Controller
class ConsoleIntentsController {

	private final VendorIntents intents;

	private final Offers offers;

	private final Subscriptions subscriptions;

	private final OfferAttachments attachments;

	private final VendorProfiles profiles;

	private final Taxonomy taxonomy;

	ConsoleIntentsController(VendorIntents intents, Offers offers, Subscriptions subscriptions,
			OfferAttachments attachments, VendorProfiles profiles, Taxonomy taxonomy) {
		this.attachments = attachments;
		this.profiles = profiles;
		this.taxonomy = taxonomy;
		this.intents = intents;
		this.offers = offers;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/console/intents")
	String list(VendorActor actor, Model model) {
		model.addAttribute("intents", intents.open(actor.vendorId()));
		model.addAttribute("subscriptionCount", subscriptions.list(actor.vendorId()).size());
		return "intent/console-list";
	}

	@GetMapping("/console/intents/{ref}")
	String page(VendorActor actor, @PathVariable String ref, Model model) {
		PublishedIntent intent = intents.one(actor.vendorId(), ref);
		List<Offer> mine = offers.ofVendor(actor.vendorId(), ref);
		Offer open = mine.stream().filter(o -> o.state() == OfferState.OPEN).findFirst().orElse(null);
		model.addAttribute("intent", intent);
		model.addAttribute("offers", mine);
		model.addAttribute("open", open);
		model.addAttribute("thread", open == null ? List.of() : offers.messages(open.id()));
		model.addAttribute("files", open == null ? List.of() : attachments.list(open.id()));
		model.addAttribute("validUntil", LocalDate.now().plusDays(14));
		return "intent/console-intent";
	}

	@PostMapping("/console/intents/{ref}/agreement")
	String agree(VendorActor actor, @PathVariable String ref, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "console.intent.agreed", intentPage(ref),
				() -> intents.agree(actor, ref));
	}

	@PostMapping("/console/intents/{ref}/offers")
	String offer(VendorActor actor, @PathVariable String ref, @RequestParam(required = false) BigDecimal price,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String included,
			@RequestParam(required = false) String conditions,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		List<AttributeFit> fit = new ArrayList<>();
		for (var attribute : intents.one(actor.vendorId(), ref).attributes()) {
			fit.add(new AttributeFit(attribute.key(), form.containsKey("met." + attribute.key()),
					form.get("note." + attribute.key())));
		}
		NewOffer offer = new NewOffer(price, currency, included, fit, conditions, validUntil);
		return FormOutcome.redirect(redirect, "console.intent.offered", intentPage(ref),
				() -> offers.post(actor, ref, offer));
	}

	@PostMapping("/console/intents/{ref}/offers/{id}/withdraw")
	String withdraw(VendorActor actor, @PathVariable String ref, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "console.intent.withdrawn", intentPage(ref),
				() -> offers.withdraw(actor, ref, id));
	}

	@PostMapping("/console/intents/{ref}/offers/{id}/attachments")
	String attach(VendorActor actor, @PathVariable String ref, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		byte[] content = file == null ? null : file.getBytes();
		return FormOutcome.redirect(redirect, "console.intent.attached", intentPage(ref),
				() -> attachments.attach(actor, ref, id, file == null ? null : file.getOriginalFilename(),
						file == null ? null : file.getContentType(), content));
	}

	@PostMapping("/console/intents/{ref}/offers/{id}/messages")
	String answer(VendorActor actor, @PathVariable String ref, @PathVariable UUID id,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "console.intent.answered", intentPage(ref),
				() -> offers.answer(actor, ref, id, body));
	}

	@GetMapping("/console/subscriptions")
	String subscriptions(VendorActor actor, Model model) {
		model.addAttribute("subscriptions", subscriptions.list(actor.vendorId()));
		// The words people use for the vendor's own categories, to write conditions in
		// (free ones stay allowed).
		Map<String, List<SuggestedAttribute>> suggested = new LinkedHashMap<>();
		for (String category : profiles.require(actor.vendorId()).categories()) {
			taxonomy.category(category).ifPresent(known -> suggested.put(category, taxonomy.attributesUnder(category)));
		}
		model.addAttribute("suggested", suggested);
		return "intent/console-subscriptions";
	}

	@PostMapping("/console/subscriptions")
	String subscribe(VendorActor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String categories, @RequestParam(required = false) String regions,
			@RequestParam(required = false) BigDecimal minimumBudget, @RequestParam(required = false) String currency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servesFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servesUntil,
			@RequestParam(required = false) String conditions, @RequestParam(required = false) String acceptedTerms,
			Model model, RedirectAttributes redirect) {
		return FormOutcome.render(model, () -> {
			subscriptions.create(actor,
					new NewSubscription(name, words(categories), words(regions), minimumBudget,
							minimumBudget == null ? null : currency, servesFrom, servesUntil, conditions(conditions),
							words(acceptedTerms)));
			redirect.addFlashAttribute("done", "console.subscription.saved");
			return "redirect:/console/subscriptions";
		}, () -> subscriptions(actor, model));
	}

	@PostMapping("/console/subscriptions/{id}/delete")
	String unsubscribe(VendorActor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		subscriptions.delete(actor, id);
		redirect.addFlashAttribute("done", "console.subscription.deleted");
		return "redirect:/console/subscriptions";
	}

	private static String intentPage(String ref) {
		return "redirect:/console/intents/" + ref;
	}

	private static List<String> words(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	/**
	 * One condition per line: {@code attribute operator value, value}, e.g.
	 * {@code transport in train, coach}.
	 */
	static List<AttributeCondition> conditions(String text) {
		List<AttributeCondition> conditions = new ArrayList<>();
		for (String line : text == null ? new String[0] : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.strip().split("\\s+", 3);
			if (parts.length < 3) {
				throw new InvalidInput("conditions", "subscription.condition.invalid");
			}
			conditions.add(new AttributeCondition(parts[0], parts[1],
					Arrays.stream(parts[2].split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()));
		}
		return conditions;
	}

}
