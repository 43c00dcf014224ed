package org.openvrm.market.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.openvrm.market.internal.BecknAnswer;
import org.openvrm.market.internal.BecknDoor;
import org.openvrm.market.internal.HubSubscriber;
import org.openvrm.market.internal.Nack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Every refusal on the Beckn endpoint is a Beckn NACK, never a problem page: the
 * network's participants read {@code message.ack.status} and {@code error.code}. (The
 * controller turns its refusals into answers itself, ahead of the hub's API-wide problem
 * advice.)
 */
@Component
class BecknAnswers {

	private static final Logger log = LoggerFactory.getLogger(BecknAnswers.class);

	/** How long a peer is asked to wait while the database is away. */
	private static final String DATABASE_RETRY_SECONDS = "5";

	private final HubSubscriber hub;

	private final MeterRegistry meters;

	BecknAnswers(HubSubscriber hub, MeterRegistry meters) {
		this.hub = hub;
		this.meters = meters;
	}

	/** Refusals are counted by status, not stored: a flood must not fill the database. */
	private void count(HttpStatus status) {
		meters.counter("openvrm.market.refused", "status", String.valueOf(status.value())).increment();
	}

	ResponseEntity<BecknAnswer> refused(Nack nack) {
		count(nack.status());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(nack.status());
		if (nack.status() == HttpStatus.UNAUTHORIZED) {
			// BECKN-006: a refused signature names the realm and the headers a signature
			// must cover.
			answer.header(HttpHeaders.WWW_AUTHENTICATE,
					"Signature realm=\"" + hub.subscriberId() + "\",headers=\"(created) (expires) digest\"");
		}
		return answer.body(BecknAnswer.nack(nack.code(), nack.path(), nack.getMessage()));
	}

	ResponseEntity<BecknAnswer> overRate(BecknDoor.RateExceeded over) {
		count(HttpStatus.TOO_MANY_REQUESTS);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, over.retryAfter().toSeconds() + 1)))
			.body(BecknAnswer.nack(Nack.INVALID_REQUEST, null, "too many messages: wait before sending more"));
	}

	ResponseEntity<BecknAnswer> databaseAway(RuntimeException failure) {
		count(HttpStatus.SERVICE_UNAVAILABLE);
		log.warn("Beckn message not taken: the database failed ({})", failure.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS)
			.body(BecknAnswer.nack(Nack.INVALID_REQUEST, null,
					"the hub cannot take messages right now; send it again later"));
	}

}
