package org.openvrm.market.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.market.internal.VendorOrders;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: orders from the open market",
		description = "Awards that came from a person on another hub (Beckn select, init, confirm): the vendor heard "
				+ "`offer.accepted` with a customer reference, and reads the disclosed fields here (data:read).")
class VendorOrdersApi {

	private final VendorOrders orders;

	VendorOrdersApi(VendorOrders orders) {
		this.orders = orders;
	}

	@GetMapping(path = "/api/v1/vendor/orders/{customerRef}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A confirmed order from the open market, with the customer's disclosed fields",
			description = "Exactly the fields the person's disclosure plan gave the winner, by their record keys "
					+ "(`email.address`, `postal-address.city`…). 404 for a reference that is not one of the vendor's "
					+ "confirmed orders.")
	VendorOrders.VendorOrder read(VendorActor actor, @PathVariable String customerRef) {
		return orders.read(actor.vendorId(), customerRef);
	}

}
