package org.openvrm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.sun.management.ThreadMXBean;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OpenVrmApplication;
import org.openvrm.mailbox.FixedDns;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 27's benchmark: messages accepted per second over SMTP, from "MAIL FROM" until
 * the hub answers 250 to the data (which it does only once the message is read, sealed to
 * the person with HPKE and committed), with 1 KB and 100 KB messages and 8 concurrent
 * clients, each on its own connection sending one message after the other. Beside it, in
 * the same run, the peer: the same SMTP library (SubEthaSMTP) answering 250 as soon as it
 * has read the data, keeping nothing, so the difference is what reading, sealing and
 * storing cost. The clients speak SMTP over plain sockets (EHLO once, then MAIL, RCPT,
 * DATA per message), so that the client's own work stays small on a 2-core machine.
 *
 * <p>
 * Heap: bytes allocated per message (all threads of the JVM, clients included, over the
 * messages sent; the clients' share is measured against the peer), and the heap in use
 * sampled every 5 ms during the run above the level after a full GC before it, divided by
 * the 8 messages in flight: an upper bound of what one message in flight holds, since
 * garbage not yet collected counts too.
 *
 * <p>
 * Mail goes to many addresses of one person, round robin, because the person's rules of
 * contact allow at most 100 messages per relationship in 30 days. Run with
 * {@code bench/mail.sh [messages per size] [clients]};
 * {@code SPRING_PROFILES_ACTIVE=postgres} for PostgreSQL (schema bench_mail, cleaned
 * first).
 */
public final class MailBenchmark {

	private static final int PER_ADDRESS = 90;

	public static void main(String[] args) throws Exception {
		int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		int[] sizes = { 1024, 100 * 1024 };
		int needed = (messages + messages / 5) * sizes.length;
		try (ConfigurableApplicationContext hub = hub()) {
			int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
			int smtpPort = hub.getBean(SmtpDoor.class).port();
			List<String> addresses = addresses(port, (needed + PER_ADDRESS - 1) / PER_ADDRESS);
			System.out.printf("%d addresses of one person, %d clients, %d messages per size (after %d to warm up)%n",
					addresses.size(), clients, messages, messages / 5);
			SMTPServer sink = SMTPServer.port(0)
				.maxMessageSize(30_000_000)
				.messageHandlerFactory(context -> new Sink())
				.build();
			sink.start();
			try {
				AtomicInteger next = new AtomicInteger();
				System.out.println();
				System.out.println(
						"| message | server | messages/s | p50 ms | p99 ms | allocated per message | heap per message in flight |");
				System.out.println("|---|---|---|---|---|---|---|");
				for (int size : sizes) {
					Result peer = run(sink.getPortAllocated(), clients, messages, size,
							i -> "bench" + i + "@sink.test");
					Result ours = run(smtpPort, clients, messages, size,
							i -> addresses.get(next.getAndIncrement() / PER_ADDRESS % addresses.size()));
					peer.print(size, "peer: SubEthaSMTP, data read and dropped", clients);
					ours.print(size, "OpenVRM: read, sealed, committed", clients);
				}
				long stored = hub.getBean(JdbcClient.class)
					.sql("SELECT COUNT(*) FROM mailbox_message WHERE alias_id IS NOT NULL")
					.query(Long.class)
					.single();
				System.out.printf("%nmessages stored: %d%n", stored);
			}
			finally {
				sink.stop();
			}
		}
	}

	private static ConfigurableApplicationContext hub() {
		boolean postgres = "postgres".equals(System.getenv("SPRING_PROFILES_ACTIVE"));
		List<String> settings = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--openvrm.operator.setup-code=benchmark-setup-code-0123456789",
				"--openvrm.vault.argon2.memory-kib=8192", "--openvrm.vault.argon2.iterations=1",
				"--openvrm.mail.smtp-port=0", "--openvrm.mail.domain=mail.bench.test",
				"--spring.datasource.hikari.leak-detection-threshold=0"));
		if (postgres) {
			settings.add("--spring.flyway.default-schema=bench_mail");
			settings.add("--spring.flyway.schemas=bench_mail");
			settings.add("--spring.datasource.hikari.schema=bench_mail");
		}
		else {
			settings.add(
					"--spring.datasource.url=jdbc:h2:mem:mailbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		// The tests' fixed DNS: SPF, DKIM and DMARC are checked, answered at once, so the
		// figures are the hub's own and not a resolver's (there is none in the sandbox).
		return new SpringApplicationBuilder(OpenVrmApplication.class, HubTest.CleanDatabase.class,
				FixedDns.InPlace.class)
			.run(settings.toArray(String[]::new));
	}

	/**
	 * Off-hub shops of one person, each with one address; the person takes 100 a month.
	 */
	private static List<String> addresses(int port, int count) {
		HubClient person = Hub.person(port);
		person.sendJson("PUT", "/api/v1/me/inbox/rules", "{\"perMonth\":100,\"marketing\":true}");
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String shop = field(person.sendJson("POST", "/api/v1/me/relationships", "{\"name\":\"Shop " + i + "\"}"),
					"id");
			addresses
				.add(field(person.sendJson("POST", "/api/v1/me/relationships/" + shop + "/aliases", null), "address"));
		}
		return addresses;
	}

	private static String field(HubClient.Response response, String name) {
		if (response.status() != 201) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
		String body = response.body();
		int at = body.indexOf("\"" + name + "\":\"") + name.length() + 4;
		return body.substring(at, body.indexOf('"', at));
	}

	private static Result run(int port, int clients, int messages, int size, IntFunction<String> recipient)
			throws Exception {
		send(port, clients, messages / 5, size, recipient); // to warm up
		System.gc();
		long baseline = liveAfterCollection();
		AtomicLong highWater = new AtomicLong(baseline);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				highWater.accumulateAndGet(liveAfterCollection(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long allocatedBefore = allocated();
		long started = System.nanoTime();
		long[] latencies = send(port, clients, messages, size, recipient);
		long elapsed = System.nanoTime() - started;
		long allocatedBytes = allocated() - allocatedBefore;
		sampler.interrupt();
		sampler.join();
		return new Result(messages / (elapsed / 1e9), latencies, allocatedBytes / messages,
				(highWater.get() - baseline) / clients);
	}

	private static long[] send(int port, int clients, int messages, int size, IntFunction<String> recipient)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicInteger left = new AtomicInteger(messages);
		AtomicInteger counter = new AtomicInteger();
		List<Future<List<Long>>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			done.add(pool.submit(() -> {
				List<Long> took = new ArrayList<>();
				try (Client client = new Client(port)) {
					while (left.getAndDecrement() > 0) {
						int n = counter.getAndIncrement();
						long sent = System.nanoTime();
						client.send(recipient.apply(n), message(n, size));
						took.add(System.nanoTime() - sent);
					}
				}
				return took;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> each : done) {
			all.addAll(each.get());
		}
		pool.shutdown();
		return all.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	/** A plain message of about {@code size} bytes, lines of 76 characters. */
	private static byte[] message(int n, int size) {
		StringBuilder text = new StringBuilder("From: Shop <news@shop.bench.test>\r\nTo: you@mail.bench.test\r\n"
				+ "Subject: Order " + n + "\r\nMessage-ID: <" + n + "@shop.bench.test>\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
		String line = "Thank you for your order. Your parcel leaves our warehouse tomorrow morning.";
		while (text.length() < size) {
			text.append(line, 0, Math.min(line.length(), size - text.length())).append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The heap that survived the latest collection of each heap pool: what was live then,
	 * messages in flight included, garbage not.
	 */
	private static long liveAfterCollection() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
			.mapToLong(pool -> pool.getCollectionUsage().getUsed())
			.sum();
	}

	private static long allocated() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
	}

	private record Result(double perSecond, long[] latencies, long allocatedPerMessage, long heapPerMessage) {

		void print(int size, String server, int clients) {
			System.out.printf("| %d KB | %s | %.0f | %.1f | %.1f | %s | %s |%n", size / 1024, server, perSecond,
					percentile(0.50), percentile(0.99), bytes(allocatedPerMessage), bytes(heapPerMessage));
		}

		private double percentile(double p) {
			return latencies[(int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] / 1e6;
		}

		private static String bytes(long bytes) {
			return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0)
					: String.format("%.0f KB", bytes / 1024.0);
		}

	}

	/** One SMTP connection: EHLO once, then one transaction per message. */
	private static final class Client implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader in;

		private final OutputStream out;

		Client(int port) throws IOException {
			socket = new Socket("127.0.0.1", port);
			// as a mail server's client would: each command leaves at once, no Nagle wait
			socket.setTcpNoDelay(true);
			in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			out = socket.getOutputStream();
			expect("220");
			command("EHLO bench.test", "250");
		}

		void send(String to, byte[] message) throws IOException {
			command("MAIL FROM:<news@shop.bench.test>", "250");
			command("RCPT TO:<" + to + ">", "250");
			command("DATA", "354");
			byte[] data = Arrays.copyOf(message, message.length + 3);
			data[message.length] = '.';
			data[message.length + 1] = '\r';
			data[message.length + 2] = '\n';
			out.write(data);
			out.flush();
			expect("250");
		}

		private void command(String line, String code) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			expect(code);
		}

		/** Reads a reply, multi-line ones whole, and checks its code. */
		private void expect(String code) throws IOException {
			String line;
			do {
				line = in.readLine();
				if (line == null) {
					throw new IOException("connection closed, expected " + code);
				}
			}
			while (line.length() > 3 && line.charAt(3) == '-');
			if (!line.startsWith(code)) {
				throw new IOException("expected " + code + ", got: " + line);
			}
		}

		@Override
		public void close() throws IOException {
			out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.close();
		}

	}

	/** The peer's handler: reads the data to the end and keeps nothing. */
	private static final class Sink implements MessageHandler {

		@Override
		public void from(String from) {
		}

		@Override
		public void recipient(String recipient) {
		}

		@Override
		public String data(InputStream data) throws IOException {
			data.transferTo(OutputStream.nullOutputStream());
			return null;
		}

		@Override
		public void done() {
		}

	}

}
