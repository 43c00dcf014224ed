package org.openvrm.market.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The synchronous answer to every Beckn message: ACK, or NACK with an error (the response
 * body of the core 1.1.0 transaction API).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BecknAnswer(Message message, Error error) {

	public static final BecknAnswer ACK = new BecknAnswer(new Message(new Ack("ACK")), null);

	public static BecknAnswer nack(String code, String path, String text) {
		return new BecknAnswer(new Message(new Ack("NACK")), new Error(code, path, text));
	}

	public record Message(Ack ack) {
	}

	public record Ack(String status) {
	}

	/**
	 * @param code the BECKN-005 error code
	 * @param paths the JSON path at fault, if any
	 * @param message what is wrong, for the sender's logs
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Error(String code, String paths, String message) {
	}

}
