package org.openvrm.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.openvrm.mailbox.Aliases.Admission;
import org.openvrm.mailbox.Aliases.RefusedAddress;
import org.openvrm.mailbox.Letterbox;
import org.openvrm.mailbox.MailRefusal;
import org.openvrm.mailbox.internal.Authenticity.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The hub's SMTP server (SubEthaSMTP), when {@code openvrm.mail.smtp-port} is set. Every
 * refusal is given in the conversation, never as a bounce afterwards (which would go to
 * whoever the sender pretends to be): 550 for an address that does not take mail, 552
 * over the size limit, 550 5.7.1 for mail whose sender domain's DMARC policy asks to
 * refuse it ({@link Authenticity}), 451 when the message could not be kept (the sender
 * tries again). STARTTLS is offered when {@code openvrm.mail.tls-bundle} names a
 * certificate, and never required: servers that cannot speak it still deliver. 250 is
 * answered only once the message is sealed and committed.
 */
@Component
public class SmtpDoor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SmtpDoor.class);

	/** The "kept out" reason of mail refused for its sender domain's DMARC policy. */
	static final String REFUSED_BY_DMARC = "dmarc-reject";

	private final MailProperties mail;

	private final Letterbox letterbox;

	private final SenderThrottle throttle;

	private final Authenticity authenticity;

	private final SslBundles ssl;

	private volatile SMTPServer server;

	SmtpDoor(MailProperties mail, Letterbox letterbox, SenderThrottle throttle, Authenticity authenticity,
			SslBundles ssl) {
		this.mail = mail;
		this.letterbox = letterbox;
		this.throttle = throttle;
		this.authenticity = authenticity;
		this.ssl = ssl;
	}

	/** The port the server listens on (the one it was given for port 0); -1 when off. */
	public int port() {
		SMTPServer running = server;
		return running == null ? -1 : running.getPortAllocated();
	}

	@Override
	public synchronized void start() {
		if (!mail.serves() || server != null) {
			return;
		}
		int max = (int) Math.min(Integer.MAX_VALUE - 1, mail.maxMessageSize().toBytes());
		SMTPServer.Builder builder = SMTPServer.port(mail.smtpPort());
		if (mail.offersTls()) {
			builder.enableTLS().startTlsSocketFactory(StartTls.from(ssl.getBundle(mail.tlsBundle())));
		}
		SMTPServer started = builder.hostName(mail.greeting())
			.softwareName("OpenVRM")
			.maxMessageSize(max)
			.maxRecipients(50)
			.maxConnections(200)
			.sessionHandler(throttle)
			.messageHandlerFactory(context -> new Delivery(context, max))
			.build();
		started.start();
		server = started;
		log.info("SMTP server for {} listening on port {}", mail.domain(), started.getPortAllocated());
	}

	@Override
	public synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	/**
	 * One mail transaction: the admitted recipients, then the message for all of them.
	 */
	private final class Delivery implements MessageHandler {

		private final MessageContext context;

		private final int max;

		private final List<Admission> admitted = new ArrayList<>();

		private String envelopeSender;

		Delivery(MessageContext context, int max) {
			this.context = context;
			this.max = max;
		}

		@Override
		public void from(String from) {
			// Anyone may write; who may be reached is decided per recipient. The sender's
			// domain tells whether an address was passed on, and is checked with SPF.
			envelopeSender = from;
		}

		@Override
		public void recipient(String recipient) throws RejectException {
			if (throttle.spent(context.getRemoteAddress())) {
				throw new DropConnectionException(421, SenderThrottle.TURNED_AWAY);
			}
			try {
				admitted.add(letterbox.admit(recipient));
			}
			catch (MailRefusal refused) {
				throttle.refused(context.getRemoteAddress());
				throw new RejectException(refused.code(), refused.reply());
			}
			catch (RefusedAddress refused) {
				throttle.refused(context.getRemoteAddress());
				// The same answer for an unknown address as for a closed one: the sender
				// learns nothing about which addresses exist.
				throw new RejectException(550, "5.1.1 <" + recipient + ">: this address does not take mail");
			}
			catch (RuntimeException failed) {
				log.warn("Could not check a recipient ({})", failed.getClass().getName());
				throw new RejectException(451, "4.3.0 Try again later");
			}
		}

		@Override
		public String data(InputStream data) throws RejectException, IOException {
			byte[] raw = data.readNBytes(max + 1);
			if (raw.length > max) {
				// Read to the end of the data, so that the conversation goes on in step.
				data.transferTo(OutputStream.nullOutputStream());
				throw new RejectException(552, "5.3.4 Message too big: at most " + max + " bytes");
			}
			Verdict verdict = authenticity.check(StartTls.client(context), context.getHelo().orElse(null),
					envelopeSender, raw);
			if (verdict.refused()) {
				throttle.refused(context.getRemoteAddress());
				try {
					letterbox.refuse(admitted, REFUSED_BY_DMARC);
				}
				catch (RuntimeException failed) {
					// The refusal stands even when the person's log cannot take it.
					log.warn("Could not record a refused message ({})", failed.getClass().getName());
				}
				throw new RejectException(550, verdict.reason());
			}
			try {
				letterbox.deliver(admitted, raw, envelopeSender, verdict.note() + StartTls.note(context));
			}
			catch (MailRefusal refused) {
				throttle.refused(context.getRemoteAddress());
				throw new RejectException(refused.code(), refused.reply());
			}
			catch (RuntimeException failed) {
				log.warn("Could not keep a message from {} ({})", context.getRemoteAddress(),
						failed.getClass().getName());
				throw new RejectException(451, "4.3.0 Try again later");
			}
			return null;
		}

		@Override
		public void done() {
		}

	}

}
