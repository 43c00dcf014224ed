package org.openvrm.market.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.openvrm.market.internal.BecknAnswer;
import org.openvrm.market.internal.BecknDoor;
import org.openvrm.market.internal.HubSubscriber;
import org.openvrm.market.internal.Nack;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's Beckn endpoint: {@code POST /beckn/{action}} for every action of the
 * transaction API. The body is read as bytes, never more than the size limit, because the
 * signature covers the exact bytes sent.
 */
@RestController
class BecknController {

	private final BecknDoor door;

	private final BecknAnswers answers;

	private final HubSubscriber hub;

	BecknController(BecknDoor door, BecknAnswers answers, HubSubscriber hub) {
		this.door = door;
		this.answers = answers;
		this.hub = hub;
	}

	@PostMapping(path = "/beckn/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BecknAnswer> receive(@PathVariable String action,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		try {
			door.receive(action, authorization, body(request));
			return ResponseEntity.ok(BecknAnswer.ACK);
		}
		catch (Nack refused) {
			return answers.refused(refused);
		}
		catch (BecknDoor.RateExceeded over) {
			return answers.overRate(over);
		}
		catch (DataAccessException | TransactionException failure) {
			return answers.databaseAway(failure);
		}
	}

	/**
	 * This hub as a network participant, in the shape of a Beckn registry entry: what a
	 * peer's operator needs to trust it (its id, endpoint, domain and signing key).
	 */
	@GetMapping(path = "/beckn/subscriber", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> subscriber() {
		if (!door.isOpen()) {
			return ResponseEntity.notFound().build();
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("subscriber_id", hub.subscriberId());
		entry.put("url", hub.endpoint().toString());
		entry.put("type", List.of("BAP", "BPP"));
		entry.put("domain", door.domain());
		entry.put("unique_key_id", hub.keyId());
		entry.put("signing_public_key", hub.publicKey());
		return ResponseEntity.ok(entry);
	}

	private byte[] body(HttpServletRequest request) throws IOException {
		int limit = door.maxMessageBytes();
		if (request.getContentLengthLong() > limit) {
			throw Nack.tooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(limit + 1);
		}
	}

}
