package org.openvrm.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The operator's SMTP relay in a test: a second SubEthaSMTP server that keeps what the
 * hub hands it (envelope and bytes), or refuses it while {@link #down} is set.
 */
final class OperatorsRelay {

	/** One message as the relay took it. */
	record Relayed(String envelopeFrom, List<String> recipients, byte[] raw) {

		String text() {
			return new String(raw, StandardCharsets.UTF_8);
		}
	}

	final List<Relayed> received = new CopyOnWriteArrayList<>();

	volatile boolean down;

	private final SMTPServer server;

	OperatorsRelay() {
		server = SMTPServer.port(0).messageHandlerFactory(context -> new Handler()).build();
		server.start();
	}

	int port() {
		return server.getPortAllocated();
	}

	private final class Handler implements MessageHandler {

		private String from;

		private final List<String> recipients = new ArrayList<>();

		@Override
		public void from(String from) throws RejectException {
			if (down) {
				throw new RejectException(421, "4.3.2 Service not available");
			}
			this.from = from;
		}

		@Override
		public void recipient(String recipient) {
			recipients.add(recipient);
		}

		@Override
		public String data(InputStream data) throws IOException {
			received.add(new Relayed(from, List.copyOf(recipients), data.readAllBytes()));
			return null;
		}

		@Override
		public void done() {
		}

	}

}
