package org.openvrm.market;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A hub that is not on the open market (the default) says so to every Beckn message. */
@HubTest
class BecknClosedIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void everyActionIsNotFoundWithANack() {
		BecknPeer peer = BecknPeer.named("bap.example");
		String search = peer.search("openvrm:intents");

		HttpResponse<String> answer = BecknPeer.post(port, "search", search, peer.sign(search));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(BecknSchema.answerErrors(BecknPeer.json(answer.body()))).isEmpty();
		assertThat(BecknPeer.json(answer.body()).at("/message/ack/status").asString()).isEqualTo("NACK");
		assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
	}

}
