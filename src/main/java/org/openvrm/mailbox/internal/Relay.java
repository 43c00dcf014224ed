package org.openvrm.mailbox.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The operator's SMTP relay ({@code spring.mail.*}, as for the digest), for mail that
 * leaves from one of the person's addresses: replies and forwarded copies. The envelope
 * sender is that address too, so that nothing of the hub's or the person's own address
 * travels with it.
 */
@Component
public class Relay {

	private final ObjectProvider<JavaMailSender> sender;

	Relay(ObjectProvider<JavaMailSender> sender) {
		this.sender = sender;
	}

	public boolean isConfigured() {
		return sender.getIfAvailable() != null;
	}

	/** An empty message to fill in. */
	public MimeMessage draft() {
		return configured().createMimeMessage();
	}

	/**
	 * Sends the message with {@code messageId} as its id (Jakarta Mail would otherwise
	 * make one from the host's user and name). The envelope sender is the message's
	 * {@code From} (Jakarta Mail's default while {@code mail.smtp.from} is not set).
	 * @throws MailException when the relay does not take it
	 */
	public void send(MimeMessage message, String messageId) {
		try {
			message.setHeader("Message-ID", messageId);
		}
		catch (MessagingException unbuildable) {
			throw new MailPreparationException(unbuildable);
		}
		// Kept as it is: the sender keeps an id set before it saves the message.
		configured().send(message);
	}

	private JavaMailSender configured() {
		JavaMailSender configured = sender.getIfAvailable();
		if (configured == null) {
			throw new MailSendException("no SMTP relay is configured");
		}
		return configured;
	}

}
