package org.openvrm.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openvrm.delivery.internal.WebhookDeliveryRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the vendor can see and do about deliveries: the last attempts per endpoint, with
 * the receiver's status or the problem, and "redeliver", which makes a delivery due at
 * once with a new 72-hour window (receivers drop repeats by {@code webhook-id}, which
 * stays the same).
 */
@Service
public class Deliveries {

	static final int MAX_LIST = 100;

	private final WebhookDeliveryRepository repository;

	private final WebhookEndpoints endpoints;

	private final Clock clock;

	Deliveries(WebhookDeliveryRepository repository, WebhookEndpoints endpoints, Clock clock) {
		this.repository = repository;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	/**
	 * The endpoint's latest deliveries, newest first. @throws NotFound for another
	 * vendor's endpoint
	 */
	public List<Delivery> of(VendorActor actor, UUID endpointId, int limit) {
		endpoints.require(actor.vendorId(), endpointId);
		return repository.latest(endpointId, Math.max(1, Math.min(limit, MAX_LIST)));
	}

	/**
	 * @throws NotFound for a delivery of another vendor's endpoint
	 * @throws Conflict {@code endpoint} when the endpoint was disabled (it answered 410
	 * Gone)
	 */
	@Transactional
	public Delivery redeliver(VendorActor actor, UUID endpointId, UUID deliveryId) {
		WebhookEndpoint endpoint = endpoints.managed(actor, endpointId);
		if (endpoint.disabledAt() != null) {
			throw new Conflict("endpoint", "webhook.disabled");
		}
		if (!repository.redeliver(endpointId, deliveryId, clock.instant())) {
			throw new NotFound("Delivery");
		}
		return repository.byId(deliveryId);
	}

}
