package org.openvrm.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema check the integration tests rely on is not vacuous: it refuses what the
 * official schema forbids.
 */
class BecknSchemaUnitTest {

	@Test
	void anAnswerWithAnUnknownStatusOrWithoutItsAckIsRefused() {
		assertThat(BecknSchema.answerErrors(BecknPeer.json("{\"message\":{\"ack\":{\"status\":\"ACK\"}}}"))).isEmpty();
		assertThat(BecknSchema.answerErrors(BecknPeer.json("{\"message\":{\"ack\":{\"status\":\"MAYBE\"}}}")))
			.isNotEmpty();
		assertThat(BecknSchema.answerErrors(BecknPeer.json("{\"message\":{}}"))).isNotEmpty();
		assertThat(BecknSchema.answerErrors(BecknPeer.json("{\"error\":{\"code\":\"30000\"}}"))).isNotEmpty();
	}

	@Test
	void aSearchWithAMalformedIdTimeOrTypeIsRefused() {
		String search = BecknPeer.named("bap.example").search("openvrm:intents");
		assertThat(BecknSchema.requestErrors("search", BecknPeer.json(search))).isEmpty();

		assertThat(BecknSchema.requestErrors("search",
				BecknPeer.json(search.replaceFirst("\"message_id\":\"[^\"]+\"", "\"message_id\":\"not-a-uuid\""))))
			.isNotEmpty();
		assertThat(BecknSchema.requestErrors("search",
				BecknPeer.json(search.replaceFirst("\"timestamp\":\"[^\"]+\"", "\"timestamp\":\"yesterday\""))))
			.isNotEmpty();
		assertThat(BecknSchema.requestErrors("search",
				BecknPeer.json(search.replace("\"action\":\"search\"", "\"action\":\"select\""))))
			.isNotEmpty();
		assertThat(BecknSchema.requestErrors("search", BecknPeer.json("{\"message\":{\"intent\":{}}}"))).isNotEmpty();
	}

}
