package org.openvrm.market.internal;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.platform.NotFound;

import org.springframework.stereotype.Service;

/**
 * Orders from the open market as the vendor reads them: once confirmed, the customer's
 * disclosed fields under the order's customer reference, to the vendor whose offer won
 * and to no other.
 */
@Service
public class VendorOrders {

	/** A confirmed order from a person on another hub. */
	public record VendorOrder(@Schema(example = "cus_Q3vX8aTn2bW7kLm4pRs9") String customerRef,
			@Schema(example = "ord_h7Kx2mQ9pLsT4vB8nC3d") String orderId, UUID offerId,
			@Schema(example = "hub-a.example",
					description = "the open-market participant (Beckn BAP) whose person chose the offer") String origin,
			@Schema(description = "the fields the person disclosed with the award, by their record keys",
					example = "{\"email.address\": \"ada@example.org\"}") Map<String, String> fields) {
	}

	private final MarketOrderRepository orders;

	private final MarketIntentRepository taken;

	private final ProviderOrders provider;

	VendorOrders(MarketOrderRepository orders, MarketIntentRepository taken, ProviderOrders provider) {
		this.orders = orders;
		this.taken = taken;
		this.provider = provider;
	}

	/**
	 * @throws NotFound for an order that is not the vendor's, or not confirmed
	 */
	public VendorOrder read(UUID vendorId, String customerRef) {
		MarketOrderRepository.Order order = orders.ofCustomer(vendorId, customerRef == null ? "" : customerRef)
			.filter(o -> "CONFIRMED".equals(o.state()))
			.orElseThrow(() -> new NotFound("Order"));
		String origin = taken.byIntent(order.intentId()).map(MarketIntentRepository.Taken::bapId).orElse(null);
		return new VendorOrder(order.customerRef(), order.id(), order.offerId(), origin, provider.customer(order));
	}

}
