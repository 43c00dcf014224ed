package org.openvrm.relationship.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.platform.NotFound;
import org.openvrm.relationship.CustomerView;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: customers", description = "The vendor's customers, by pseudonymous reference only. "
		+ "A member's session or a client token with scope relationships:read.")
class CustomersApi {

	private final Relationships relationships;

	CustomersApi(Relationships relationships) {
		this.relationships = relationships;
	}

	@GetMapping(path = "/api/v1/vendor/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's customers", description = "Standing relationships the person has not blocked: "
			+ "each customer's reference (different for every vendor and every relationship) and the terms proffered.")
	List<CustomerView> customers(VendorActor actor) {
		return relationships.customers(actor.vendorId());
	}

	@GetMapping(path = "/api/v1/vendor/relationships/{ref}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One customer",
			description = "404 for another vendor's reference, a blocked or an ended relationship.")
	CustomerView customer(VendorActor actor, @PathVariable String ref) {
		return relationships.customer(actor.vendorId(), ref).orElseThrow(() -> new NotFound("Customer"));
	}

}
