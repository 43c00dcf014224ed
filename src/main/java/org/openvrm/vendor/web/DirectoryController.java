package org.openvrm.vendor.web;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vendor.VendorDirectory;
import org.openvrm.vendor.VendorFigures;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory of vendors and each vendor's page. */
@Controller
class DirectoryController {

	private static final int PAGE = 50;

	private final VendorProfiles profiles;

	private final VendorDirectory directory;

	private final Taxonomy taxonomy;

	private final List<VendorFigures> figures;

	/**
	 * Another module's figures for the vendors shown, and the template that shows them.
	 */
	record Figures(String template, Map<UUID, ?> of) {
	}

	DirectoryController(VendorProfiles profiles, VendorDirectory directory, Taxonomy taxonomy,
			List<VendorFigures> figures) {
		this.profiles = profiles;
		this.directory = directory;
		this.taxonomy = taxonomy;
		this.figures = figures;
	}

	private List<Figures> figuresOf(Collection<UUID> vendorIds) {
		return figures.stream().map(f -> new Figures(f.template(), f.of(vendorIds))).toList();
	}

	@GetMapping("/vendors")
	String directory(@ModelAttribute("query") VendorDirectory.Query query, @RequestParam(required = false) String after,
			Model model) {
		model.addAttribute("taxonomy", taxonomy);
		try {
			VendorDirectory.Page page = directory.page(query, after, PAGE);
			model.addAttribute("vendors", page.vendors());
			model.addAttribute("next", page.next());
			model.addAttribute("figures", figuresOf(page.vendors().stream().map(VendorProfile::id).toList()));
		}
		catch (InvalidInput invalid) {
			model.addAttribute("vendors", List.of());
			model.addAttribute("figures", List.of());
			model.addAttribute("error", invalid.messageKey());
		}
		return "vendor/directory";
	}

	@GetMapping("/vendors/{id}")
	String vendor(@PathVariable UUID id, Model model) {
		model.addAttribute("vendor", profiles.require(id));
		model.addAttribute("figures",
				figures.stream()
					.map(f -> new Figures(f.template(), Collections.singletonMap(id, f.onPage(id))))
					.toList());
		model.addAttribute("taxonomy", taxonomy);
		return "vendor/page";
	}

	@GetMapping("/vendors/{id}/logo")
	ResponseEntity<byte[]> logo(@PathVariable UUID id) {
		VendorProfiles.Logo logo = profiles.logo(id).orElseThrow(() -> new NotFound("Logo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
			.header("Content-Security-Policy", "default-src 'none'")
			.header("Content-Disposition", "inline; filename=logo")
			.body(logo.bytes());
	}

}
