package org.openvrm.mailbox.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.internal.Dns.RecordType;
import org.openvrm.mailbox.internal.Dns.Trouble;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real resolver against a small DNS server on a loopback port: answers in the form
 * the SPF library expects, NXDOMAIN as no records, and a server that never answers costs
 * no more than the time given.
 */
class SystemDnsUnitTest {

	private final DatagramSocket socket;

	private final Thread server;

	SystemDnsUnitTest() throws SocketException {
		socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
		server = new Thread(this::serve, "fake-dns");
		server.setDaemon(true);
		server.start();
	}

	@AfterEach
	void stop() {
		socket.close();
	}

	@Test
	void answersTxtJoinedMxAsNamesAndNothingForAMissingName() throws Exception {
		SystemDns dns = dns();

		assertThat(dns.answers("example.com", RecordType.TXT, Duration.ofSeconds(2)))
			.containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
		assertThat(dns.answers("example.com", RecordType.MX, Duration.ofSeconds(2))).containsExactly("mx.example.com.");
		assertThat(dns.answers("nowhere.example.com", RecordType.TXT, Duration.ofSeconds(2))).isEmpty();
		assertThatThrownBy(() -> dns.answers("servfail.example.com", RecordType.TXT, Duration.ofSeconds(2)))
			.isInstanceOf(Trouble.class);
	}

	@Test
	void aServerThatNeverAnswersCostsNoMoreThanTheTimeGiven() {
		SystemDns dns = dns();
		long start = System.nanoTime();

		assertThatThrownBy(() -> dns.answers("silent.example.com", RecordType.TXT, Duration.ofMillis(300)))
			.isInstanceOf(Trouble.class);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aMessagesBudgetIsSharedByAllItsQuestions() throws Exception {
		BoundedDns bounded = new BoundedDns(dns(), Duration.ofMillis(300), "mx.hub.test");
		assertThat(bounded.txt("example.com")).hasSize(1);

		assertThatThrownBy(() -> bounded.txt("silent.example.com")).isInstanceOf(Trouble.class);
		long start = System.nanoTime();
		assertThatThrownBy(() -> bounded.txt("example.com")).as("the budget is spent").isInstanceOf(Trouble.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
	}

	private SystemDns dns() {
		return new SystemDns(new MailProperties("mail.hub.test", -1, DataSize.ofMegabytes(1), "", Duration.ofDays(4),
				30, 20, DataSize.ofMegabytes(25), List.of("127.0.0.1:" + socket.getLocalPort()), Duration.ofSeconds(2),
				""));
	}

	private void serve() {
		byte[] buffer = new byte[512];
		while (!socket.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				socket.receive(packet);
				Message query = new Message(packet.getData());
				Record question = query.getQuestion();
				String name = question.getName().toString(true);
				if (name.equals("silent.example.com")) {
					continue;
				}
				Message answer = new Message(query.getHeader().getID());
				answer.getHeader().setFlag(Flags.QR);
				answer.addRecord(question, Section.QUESTION);
				if (name.equals("example.com") && question.getType() == Type.TXT) {
					// one record in two strings, as long records are published
					answer.addRecord(new TXTRecord(question.getName(), DClass.IN, 60,
							List.of("v=spf1 ip4:192.0.2.0/24", " -all")), Section.ANSWER);
				}
				else if (name.equals("example.com") && question.getType() == Type.MX) {
					answer.addRecord(
							new MXRecord(question.getName(), DClass.IN, 60, 10, Name.fromString("mx.example.com.")),
							Section.ANSWER);
				}
				else if (name.equals("servfail.example.com")) {
					answer.getHeader().setRcode(Rcode.SERVFAIL);
				}
				else {
					answer.getHeader().setRcode(Rcode.NXDOMAIN);
				}
				byte[] wire = answer.toWire();
				socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

}
