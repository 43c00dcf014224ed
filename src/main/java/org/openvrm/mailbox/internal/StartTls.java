package org.openvrm.mailbox.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.Session;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * STARTTLS for the SMTP server, with the certificate of a Spring Boot SSL bundle, and
 * what a session knows about its connection.
 */
final class StartTls {

	private StartTls() {
	}

	/**
	 * Turns a plain connection into the server side of TLS. The library's own factory
	 * enables every protocol and cipher suite the JDK has (SSLv3, anonymous suites) and
	 * looks up the client's host name; this one keeps the JDK's defaults, or the bundle's
	 * {@code options} when it sets them.
	 */
	static SSLSocketCreator from(SslBundle bundle) {
		SSLContext context = bundle.createSslContext();
		SslOptions options = bundle.getOptions();
		return (Socket socket) -> {
			InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
			SSLSocket tls = (SSLSocket) context.getSocketFactory()
				.createSocket(socket, remote.getHostString(), socket.getPort(), true);
			tls.setUseClientMode(false);
			if (options.getEnabledProtocols() != null) {
				tls.setEnabledProtocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				tls.setEnabledCipherSuites(options.getCiphers());
			}
			return tls;
		};
	}

	/** The sending server's address. */
	static InetAddress client(MessageContext context) {
		return ((InetSocketAddress) context.getRemoteAddress()).getAddress();
	}

	/** A line for the letter when the message came encrypted. */
	static String note(MessageContext context) {
		if (context instanceof Session session && session.isTLSStarted()
				&& session.getSocket() instanceof SSLSocket tls) {
			return "Came over TLS (" + tls.getSession().getProtocol() + ").\n";
		}
		return "Came without TLS (not encrypted on the way to the hub).\n";
	}

}
