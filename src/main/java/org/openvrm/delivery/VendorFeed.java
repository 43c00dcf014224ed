package org.openvrm.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.openvrm.delivery.internal.VendorEventRepository;
import org.openvrm.delivery.internal.WebhookDeliveryRepository;
import org.openvrm.platform.FeedCursor;
import org.openvrm.platform.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's events: written in the caller's transaction (so an event exists exactly
 * when what caused it was committed), read as a feed, and queued for each webhook
 * endpoint that wants it; {@link WebhookRelay} sends the queue.
 */
@Service
public class VendorFeed {

	private final VendorEventRepository repository;

	private final WebhookDeliveryRepository deliveries;

	private final Clock clock;

	private final WebhookEndpoints endpoints;

	private final ApplicationEventPublisher events;

	/**
	 * Deliveries were queued in the current transaction: the relay runs once it commits.
	 */
	record Queued() {
	}

	VendorFeed(VendorEventRepository repository, WebhookDeliveryRepository deliveries, Clock clock,
			WebhookEndpoints endpoints, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.deliveries = deliveries;
		this.clock = clock;
		this.endpoints = endpoints;
	}

	/** Records the event for the vendor, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID post(UUID vendorId, String type, Record data) {
		if (!WebhookEndpoints.EVENTS.contains(type) || !declares(data.getClass(), type)) {
			throw new IllegalArgumentException(
					"not the data of a vendor event " + type + ": " + data.getClass().getName());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		repository.insert(id, vendorId, type, data, now);
		List<WebhookEndpoint> receivers = endpoints.subscribedTo(vendorId, type);
		for (WebhookEndpoint endpoint : receivers) {
			deliveries.queue(id, endpoint.id(), now);
		}
		if (!receivers.isEmpty()) {
			events.publishEvent(new Queued());
		}
		return id;
	}

	/** Posts the notice of a fact a vendor is told of, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ForVendor fact) {
		VendorNotice notice = fact.vendorNotice();
		if (notice != null) {
			post(notice.vendorId(), notice.type(), notice.data());
		}
	}

	private static boolean declares(Class<?> data, String type) {
		VendorEventData declared = data.getAnnotation(VendorEventData.class);
		return declared != null && Arrays.stream(declared.value()).anyMatch(event -> event.name().equals(type));
	}

	/**
	 * The vendor's events after the cursor (from the start without one), oldest first.
	 * @throws InvalidInput {@code after} when it is not a cursor of this feed,
	 * {@code limit} outside 1–200
	 */
	public List<VendorEvent> after(UUID vendorId, String after, int limit) {
		return repository.after(vendorId, FeedCursor.after(after), FeedCursor.limit(limit));
	}

	Instant now() {
		return clock.instant();
	}

}
