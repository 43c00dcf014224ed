package org.openvrm.mailbox;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends mail to the hub's SMTP server the way real senders do: with Jakarta Mail (Angus),
 * or, for bytes Jakarta Mail would re-encode (8-bit, another charset, broken MIME),
 * through a plain SMTP conversation on a socket.
 */
final class SmtpSender {

	private final int port;

	/**
	 * The local address raw conversations come from: another loopback is another sender.
	 */
	private final String local;

	SmtpSender(int port) {
		this(port, "127.0.0.1");
	}

	SmtpSender(int port, String local) {
		this.port = port;
		this.local = local;
	}

	Session session() {
		return Session.getInstance(properties());
	}

	private Properties properties() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "30000");
		return properties;
	}

	/**
	 * A session that sends with that envelope sender (MAIL FROM) and, given a socket
	 * factory that trusts the server, only over STARTTLS.
	 */
	Session session(String mailFrom, SSLSocketFactory tls) {
		Properties properties = properties();
		properties.put("mail.smtp.from", mailFrom);
		if (tls != null) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
			properties.put("mail.smtp.ssl.socketFactory", tls);
			properties.put("mail.smtp.ssl.checkserveridentity", "true");
		}
		return Session.getInstance(properties);
	}

	/**
	 * Sends the bytes as they are (a signed message must not be re-encoded) with Jakarta
	 * Mail; 250, or the code the server refused it with.
	 */
	int sendAsIs(Session session, byte[] raw, String recipient) {
		try (Transport transport = session.getTransport("smtp")) {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
			transport.connect();
			transport.sendMessage(message, new Address[] { new InternetAddress(recipient) });
			return 250;
		}
		catch (MessagingException refused) {
			return code(refused);
		}
	}

	/**
	 * Sends the message; returns 250, or the code the server refused it with (at RCPT or
	 * after DATA).
	 */
	int send(MimeMessage message) {
		try {
			message.saveChanges();
			Transport.send(message);
			return 250;
		}
		catch (MessagingException refused) {
			return code(refused);
		}
	}

	private static int code(MessagingException refused) {
		for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
			if (e instanceof SMTPAddressFailedException address) {
				return address.getReturnCode();
			}
			if (e instanceof SMTPSendFailedException send) {
				return send.getReturnCode();
			}
		}
		throw new IllegalStateException(refused);
	}

	/**
	 * One SMTP conversation with the raw message; the server's codes for EHLO, MAIL,
	 * RCPT, DATA and the end of the data (fewer when a step was refused); only the
	 * greeting's code when the server turned the connection away.
	 */
	List<Integer> sendRaw(String recipient, byte[] message) {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(local), 0)) {
			socket.setSoTimeout(30000);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			List<Integer> codes = new ArrayList<>();
			int greeting = reply(in);
			if (greeting != 220) {
				return List.of(greeting);
			}
			codes.add(command(in, out, "EHLO sender.example"));
			codes.add(command(in, out, "MAIL FROM:<news@sender.example>"));
			int rcpt = command(in, out, "RCPT TO:<" + recipient + ">");
			codes.add(rcpt);
			if (rcpt != 250) {
				return codes;
			}
			codes.add(command(in, out, "DATA"));
			out.write(message);
			out.write("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			codes.add(reply(in));
			command(in, out, "QUIT");
			return codes;
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static int command(BufferedReader in, OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return reply(in);
	}

	/** Reads a (multi-line) reply and answers its code. */
	private static int reply(BufferedReader in) throws IOException {
		String line = in.readLine();
		while (line != null && line.length() > 3 && line.charAt(3) == '-') {
			line = in.readLine();
		}
		if (line == null) {
			throw new IOException("connection closed");
		}
		return Integer.parseInt(line.substring(0, 3));
	}

}
