package org.openvrm.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Plain-text e-mail from the hub (digests, summaries), sent only when an SMTP server is
 * configured ({@code spring.mail.host}); links in it point at the hub's public address.
 */
@Component
public class Mail {

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final String baseUrl;

	Mail(ObjectProvider<JavaMailSender> sender, PlatformProperties properties) {
		this.sender = sender;
		this.from = properties.mail().from();
		this.baseUrl = properties.baseUrl();
	}

	public boolean isConfigured() {
		return sender.getIfAvailable() != null;
	}

	/**
	 * @throws MailException when the server does not take it (or none is configured)
	 */
	public void send(String to, String subject, String text) {
		JavaMailSender configured = sender.getIfAvailable();
		if (configured == null) {
			throw new MailSendException("no SMTP server is configured");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		configured.send(message);
	}

	/** The hub's public address of one of its pages. */
	public String link(String path) {
		return baseUrl + path;
	}

}
