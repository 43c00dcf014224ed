package org.openvrm.consent.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openvrm.consent.DataRequests;
import org.openvrm.consent.NewDataRequest;
import org.openvrm.consent.Purpose;
import org.openvrm.consent.Pushes;
import org.openvrm.consent.Shares;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's side of sharing, for a small vendor working from a browser: ask a
 * customer for data, see the answers, read what customers shared, and push a document or
 * an invoice.
 */
@Controller
class ConsoleSharingController {

	private final DataRequests requests;

	private final Shares shares;

	private final Pushes pushes;

	private final Relationships relationships;

	ConsoleSharingController(DataRequests requests, Shares shares, Pushes pushes, Relationships relationships) {
		this.requests = requests;
		this.shares = shares;
		this.pushes = pushes;
		this.relationships = relationships;
	}

	@GetMapping("/console/sharing")
	String page(VendorActor actor, @RequestParam(required = false) String ref, Model model) {
		model.addAttribute("customers", relationships.customers(actor.vendorId()));
		model.addAttribute("requests", requests.ofVendor(actor.vendorId()));
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("kinds", List.of("invoice", "contract", "notice", "warranty", "insurance", "transactions"));
		if (ref != null && !ref.isBlank()) {
			model.addAttribute("ref", ref);
			try {
				model.addAttribute("shared", shares.read(actor, ref));
			}
			catch (Withheld withheld) {
				model.addAttribute("dataProblem", withheld.messageKey());
			}
			catch (NotFound unknown) {
				model.addAttribute("dataProblem", "share.unknown-customer");
			}
		}
		return "consent/console";
	}

	@PostMapping("/console/sharing/requests")
	String ask(VendorActor actor, @RequestParam(required = false) String customerRef,
			@RequestParam(required = false) String agreementId, @RequestParam(required = false) String fields,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) Integer durationDays,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		try {
			requests.ask(actor,
					new NewDataRequest(customerRef, agreementId,
							fields == null ? List.of() : Arrays.stream(fields.split("[,\\s]+")).toList(), purpose,
							durationDays, reason));
			redirect.addFlashAttribute("done", "console.sharing.asked");
			return "redirect:/console/sharing";
		}
		catch (InvalidInput invalid) {
			model.addAttribute("error", invalid.messageKey());
			model.addAttribute("errorField", invalid.field());
		}
		catch (NotFound | TooManyRequests refused) {
			model.addAttribute("error", refused instanceof NotFound ? "share.unknown-customer" : "request.too-many");
		}
		return page(actor, null, model);
	}

	@PostMapping("/console/sharing/push")
	String push(VendorActor actor, @RequestParam(required = false) String customerRef,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			byte[] bytes = file == null ? null : file.getBytes();
			String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
			if ("transactions".equals(kind)) {
				pushes.transactions(actor, customerRef,
						name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "text/csv" : "application/json", bytes);
			}
			else {
				pushes.document(actor, customerRef, kind, title, name, file == null ? null : file.getContentType(),
						bytes);
			}
			redirect.addFlashAttribute("done", "console.sharing.pushed");
			return "redirect:/console/sharing";
		}
		catch (InvalidInput invalid) {
			model.addAttribute("pushError", invalid.messageKey());
		}
		catch (NotFound unknown) {
			model.addAttribute("pushError", "share.unknown-customer");
		}
		return page(actor, null, model);
	}

}
